/**
 * The planner's answer: `{"plan": <a plan>, "notes": "..."}`. A plan alone cannot carry remarks (unknown keys
 * are errors), and the seed asks the planner to say when a request is not worth orchestrating: `notes` is where
 * it says so. The plan's schema is the project's own (`orchestrator schema`), so the agent's structured output
 * and the validator agree.
 */
import { planJsonSchema } from '../core/schema/json-schema.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function answerJsonSchema(): { [key: string]: Json } {
  const plan = planJsonSchema();
  // Nested, the plan's schema keeps its content; `$schema` and `$id` belong to a document's root only.
  const inner: { [key: string]: Json } =
    typeof plan === 'object' && plan !== null && !Array.isArray(plan) ? { ...plan } : {};
  delete inner.$schema;
  delete inner.$id;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'orchestrator decompose answer',
    type: 'object',
    properties: {
      plan: inner,
      notes: {
        type: 'string',
        description:
          'Remarks for the user: why the plan is shaped so, what the request leaves open, or that it is not worth orchestrating (fewer than 3 independent steps). Empty when there is nothing to say.',
      },
    },
    required: ['plan'],
    additionalProperties: false,
  };
}
