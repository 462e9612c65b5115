/**
 * The `.orchestrator/` folder, identical locally and on GitHub (DESIGN §4 "Data passing").
 */
import path from 'node:path';

export const DEFAULT_DIR = '.orchestrator';

export interface Layout {
  root: string;
  planJson: string;
  masterPlan: string;
  agentTasks: string;
  outputs: string;
  state: string;
  journal: string;
  finalOutput: string;
}

export function layout(root: string): Layout {
  return {
    root,
    planJson: path.join(root, 'plan.json'),
    masterPlan: path.join(root, 'master_plan.md'),
    agentTasks: path.join(root, 'agent_tasks'),
    outputs: path.join(root, 'outputs'),
    state: path.join(root, 'state'),
    journal: path.join(root, 'state', 'journal.jsonl'),
    finalOutput: path.join(root, 'final_output.md'),
  };
}
