import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { parseSeedMarkdown } from '../../src/core/load/seed-markdown.js';
import { agentFileName, renderAgentTask } from '../../src/render/agent-task.js';
import { renderMasterPlan } from '../../src/render/master-plan.js';
import { initialStatuses, statusLabel, statusMark } from '../../src/render/status.js';
import { chain, example, plan, task } from './fixtures.js';

describe('statuses', () => {
  it('has the seed marks', () => {
    expect(statusMark('pending')).toBe('🟡');
    expect(statusMark('waiting')).toBe('⏸️');
    expect(statusMark('cancelled')).toBe('🚫');
    expect(statusLabel('skipped')).toBe('Skipped');
  });

  it('starts tasks without deps pending, the others waiting', () => {
    expect(initialStatuses(example)).toEqual(['pending', 'pending', 'waiting', 'waiting', 'waiting']);
  });
});

describe('renderMasterPlan', () => {
  it('says when no request was given', () => {
    const p = plan([task('A')]);
    expect(renderMasterPlan(p, analyze(p))).toContain('## Request\n\n_(none given)_\n');
  });

  it('renders an empty plan', () => {
    const p = plan([]);
    const text = renderMasterPlan(p, analyze(p));
    expect(text).toContain('**Plan:** test-plan · 0 tasks · 0 batches');
    expect(text).toContain('## Critical path\n\n_No tasks._\n');
  });

  it('draws the graph up to 200 tasks and points to dot beyond', () => {
    const small = chain(200);
    expect(renderMasterPlan(small, analyze(small))).toContain('```mermaid\nflowchart TD\n');
    const large = chain(201);
    const text = renderMasterPlan(large, analyze(large));
    expect(text).not.toContain('```mermaid');
    expect(text).toContain('201 tasks, more than 200');
    expect(text).toContain('`orchestrator graph --format dot`');
  });

  it('leaves out a graph with more edges than Mermaid draws', () => {
    // 30 x 30 complete bipartite: 900 edges, none redundant.
    const top = Array.from({ length: 30 }, (_, i) => task(`A${i}`));
    const bottom = Array.from({ length: 30 }, (_, i) => task(`B${i}`, { deps: top.map((t) => t.id) }));
    const p = plan([...top, ...bottom]);
    const text = renderMasterPlan(p, analyze(p));
    expect(text).not.toContain('```mermaid');
    expect(text).toContain('it has 900 edges');
  });

  it('counts unknown estimates on the critical path', () => {
    const p = chain(3);
    expect(renderMasterPlan(p, analyze(p))).toContain(
      'T-1 → T-2 → T-3\n\n**Estimate:** 3m (no task on it has an estimate: each counts as 1m)',
    );
  });

  it('reads back through the seed loader', () => {
    const analysis = analyze(example);
    const agentFiles = example.tasks.map((_, i) => ({
      name: agentFileName(analysis.agentNumber[i]!, example.tasks.length),
      text: renderAgentTask(example, i, analysis),
    }));
    const parsed = parseSeedMarkdown(renderMasterPlan(example, analysis), agentFiles);
    if (!parsed.ok) throw new Error(parsed.message);
    const data = parsed.data as { request?: string; tasks: Record<string, unknown>[] };
    expect(data.request).toBe(example.request!.trim());
    expect(data.tasks.map((t) => [t.id, t.title, t.deps, t.agent])).toEqual(
      example.tasks.map((t) => [t.id, t.title.replace(/\s*\n\s*/g, ' '), t.deps, t.agent]),
    );
    expect(data.tasks[0]!.prompt).toBe(example.tasks[0]!.prompt!.trim());
    expect(data.tasks[0]!.output).toBe(example.tasks[0]!.output);
    expect(data.tasks[3]!.prompt).toBeUndefined();
  });
});
