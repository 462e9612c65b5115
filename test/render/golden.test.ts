import { describe, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { agentFileName, renderAgentTask } from '../../src/render/agent-task.js';
import { renderDot } from '../../src/render/dot.js';
import { renderMasterPlan } from '../../src/render/master-plan.js';
import { renderMermaid } from '../../src/render/mermaid.js';
import { renderSimulated } from '../../src/render/simulated.js';
import { example, expectGolden } from './fixtures.js';

describe('golden renders of the example plan', () => {
  const analysis = analyze(example);

  it('master plan, before a run', () => {
    expectGolden('master_plan.md', renderMasterPlan(example, analysis));
  });

  it('master plan, during a run', () => {
    const statuses = ['done', 'done', 'running', 'waiting', 'failed'] as const;
    expectGolden('master_plan-running.md', renderMasterPlan(example, analysis, statuses));
  });

  it('agent files', () => {
    example.tasks.forEach((_, i) => {
      expectGolden(
        agentFileName(analysis.agentNumber[i]!, example.tasks.length),
        renderAgentTask(example, i, analysis),
      );
    });
  });

  it('mermaid, full and reduced', () => {
    expectGolden('graph.mmd', `${renderMermaid(example, analysis)}\n`);
    const statuses = ['done', 'failed', 'cancelled', 'skipped', 'running'] as const;
    expectGolden('graph-reduced.mmd', `${renderMermaid(example, analysis, { statuses, reduce: true })}\n`);
  });

  it('graphviz', () => {
    expectGolden('graph.dot', renderDot(example, analysis));
  });

  it('simulated mode', () => {
    expectGolden('simulated.txt', renderSimulated(example, analysis));
  });
});
