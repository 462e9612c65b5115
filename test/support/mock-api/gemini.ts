/**
 * A loopback mock of the Gemini API (generativelanguage.googleapis.com/v1beta) as @google/gemini-cli 0.61.0
 * calls it with GOOGLE_GEMINI_BASE_URL and GEMINI_API_KEY (the `x-goog-api-key` header):
 * - `POST /v1beta/models/<model>:streamGenerateContent?alt=sse`: the agent's turns, answered as server-sent
 *   events, each `data:` a GenerateContentResponse.
 * - `POST /v1beta/models/<model>:generateContent` with `generationConfig.responseMimeType: application/json`:
 *   the model router's classifier (only when no model is given), answered with the JSON it asks for.
 * Errors use Google's shape, `{"error": {"code", "message", "status"}}`.
 */
import type http from 'node:http';
import { sendEvents, sendJson, startMock, type Mock, type MockRequest } from './server.js';

export type GeminiScenario =
  | { kind: 'text'; text?: string }
  /** A write_file call first (path relative to the working folder), the final text once it has an answer. */
  | { kind: 'write-file'; path: string; content: string; text?: string }
  | { kind: '401' }
  | { kind: '429' }
  | { kind: 'overloaded' }
  /** The text answer, sent after delayMs. */
  | { kind: 'slow'; delayMs: number; text?: string };

/** What every answer reports: 40 of the 100 prompt tokens cached, 7 candidates, 3 thinking. */
export const GEMINI_USAGE = {
  promptTokenCount: 100,
  candidatesTokenCount: 7,
  cachedContentTokenCount: 40,
  thoughtsTokenCount: 3,
  totalTokenCount: 110,
};

const ERRORS = {
  '401': { code: 401, status: 'UNAUTHENTICATED', message: 'API key not valid. Please pass a valid API key.' },
  '429': {
    code: 429,
    status: 'RESOURCE_EXHAUSTED',
    message: 'Resource has been exhausted (e.g. check quota).',
  },
  overloaded: {
    code: 503,
    status: 'UNAVAILABLE',
    message: 'The model is overloaded. Please try again later.',
  },
} as const;

export function startGeminiMock(scenario: GeminiScenario): Promise<Mock> {
  return startMock(async (req, res) => {
    if (scenario.kind === '401' || scenario.kind === '429' || scenario.kind === 'overloaded') {
      sendJson(res, ERRORS[scenario.kind].code, { error: ERRORS[scenario.kind] });
      return;
    }
    if (scenario.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));
    answer(res, req, parts(scenario, req));
  });
}

type Part = { text: string } | { functionCall: { name: string; args: Record<string, string> } };

function parts(scenario: GeminiScenario, req: MockRequest): Part[] {
  if (wantsJson(req))
    return [{ text: JSON.stringify({ complexity_reasoning: 'simple', complexity_score: 10 }) }];
  const text =
    'text' in scenario && scenario.text !== undefined ? scenario.text : 'The capital of France is Paris.';
  if (scenario.kind === 'write-file' && !hasFunctionResponse(req)) {
    return [
      { functionCall: { name: 'write_file', args: { file_path: scenario.path, content: scenario.content } } },
    ];
  }
  return [{ text }];
}

function answer(res: http.ServerResponse, req: MockRequest, content: Part[]): void {
  const body = {
    candidates: [{ content: { role: 'model', parts: content }, finishReason: 'STOP', index: 0 }],
    usageMetadata: GEMINI_USAGE,
    modelVersion: modelOf(req),
  };
  if (req.url.includes('alt=sse')) sendEvents(res, [{ data: body }]);
  else sendJson(res, 200, body);
}

/** `gemini-2.5-flash` from `/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`. */
export function modelOf(req: MockRequest): string {
  return /\/models\/([^:/?]+):/.exec(req.url)?.[1] ?? 'unknown';
}

function wantsJson(req: MockRequest): boolean {
  const config = (req.body as { generationConfig?: { responseMimeType?: string } } | undefined)
    ?.generationConfig;
  return config?.responseMimeType === 'application/json';
}

/** The follow-up request carries the tool's result as a functionResponse part. */
function hasFunctionResponse(req: MockRequest): boolean {
  return JSON.stringify((req.body as { contents?: unknown } | undefined)?.contents ?? []).includes(
    'functionResponse',
  );
}
