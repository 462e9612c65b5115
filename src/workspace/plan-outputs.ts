/**
 * The planning outputs (`orchestrator plan`): plan.json, master_plan.md and agent_tasks/agent-XX.md.
 */
import type { Analysis } from '../core/analyze.js';
import type { Plan } from '../core/model.js';
import { toPlanDocument } from '../core/serialize.js';
import { agentFileName, renderAgentTask } from '../render/agent-task.js';
import { renderMasterPlan } from '../render/master-plan.js';
import { syncDir, writeFileAtomic } from './atomic.js';
import { layout } from './layout.js';

export interface WrittenFiles {
  planJson: string;
  masterPlan: string;
  agentTasks: string;
  agentFiles: number;
}

export function writePlanOutputs(root: string, plan: Plan, analysis: Analysis): WrittenFiles {
  const files = layout(root);
  // Only a validated plan gets here; the single files are rendered before the first write.
  const planJson = `${JSON.stringify(toPlanDocument(plan), null, 2)}\n`;
  const masterPlan = renderMasterPlan(plan, analysis);
  const total = plan.tasks.length;
  function* agentFiles(): Generator<[string, string]> {
    for (let i = 0; i < total; i++)
      yield [agentFileName(analysis.agentNumber[i]!, total), renderAgentTask(plan, i, analysis)];
  }
  syncDir(files.agentTasks, agentFiles());
  // The master plan last: it is the index of the rest.
  writeFileAtomic(files.planJson, planJson);
  writeFileAtomic(files.masterPlan, masterPlan);
  return {
    planJson: files.planJson,
    masterPlan: files.masterPlan,
    agentTasks: files.agentTasks,
    agentFiles: total,
  };
}
