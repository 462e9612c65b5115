// The plan as a maintainer reviews it on GitHub (src/render/posted-plan.ts): everything that will execute, shown
// as text, and the digest of the file it came from; what does not fit is said.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { renderPostedPlan } from '../../src/render/posted-plan.js';
import { load } from '../support/plans.js';

const SHA = 'a'.repeat(64);

const PLAN = `version: 1
name: review
request: |
  Summarise issue #7 for @org/team <img src=https://evil.example/x.png>
agents:
  helper:
    command: [python3, tools/helper.py, --task, '{task_id}', '{prompt_file}']
tasks:
  - id: T-01
    title: Summarise
    prompt: |
      Read \${{ secrets.X }} and tell @org/team, closes #1.
      \`\`\`
      inner fence
      \`\`\`
    env:
      ANTHROPIC_BASE_URL: http://127.0.0.1:9/
      MULTI: "two\\nlines"
    allowed-tools: [Read, 'Bash(git log:*)']
    model: opus
    max-turns: 5
    inputs: {issue: 7}
    output: A summary in result.md
  - id: T-02
    agent: shell
    run: npm test -- --grep '@slow'
    deps: [T-01]
    runs-on: [self-hosted, gpu]
  - id: T-03
    agent: helper
    prompt: Help.
    deps: [T-02]
`;

function render(text = PLAN, maxBytes?: number): string {
  const plan = load(text);
  return renderPostedPlan(plan, analyze(plan), {
    file: { name: 'plans/review.yml', sha256: SHA },
    ...(maxBytes !== undefined ? { maxBytes, elsewhere: 'the job summary' } : {}),
  });
}

describe('renderPostedPlan', () => {
  it('shows the plan file and its sha256', () => {
    expect(render()).toContain(`**Plan file:** \`plans/review.yml\` · **sha256:** \`${SHA}\``);
  });

  it('shows each task’s agent, settings, tools, env names and values, prompt, inputs and output', () => {
    const text = render();
    expect(text).toContain('### T-01: Summarise');
    expect(text).toContain(
      '**Agent:** `claude` · **model:** `opus` · **max turns:** 5 · **read-only** · **runs on:** `ubuntu-latest` · **timeout:** 30m · **retries:** 3',
    );
    expect(text).toContain('**Allowed tools:** `Read`, `Bash(git log:*)`');
    expect(text).toContain(
      '**Env** (2 variables):\n\n```text\nANTHROPIC_BASE_URL=http://127.0.0.1:9/\nMULTI="two\\nlines"\n```',
    );
    expect(text).toContain(
      '**Prompt:**\n\n````text\nRead ${{ secrets.X }} and tell @org/team, closes #1.\n```\ninner fence\n```\n````',
    );
    expect(text).toContain('**Inputs** (given with the prompt):\n\n```json\n{\n  "issue": 7\n}\n```');
    expect(text).toContain(
      '**Expected output** (given with the prompt):\n\n```text\nA summary in result.md\n```',
    );
  });

  it('shows a shell task’s command and its runner, a custom agent’s argv', () => {
    const text = render();
    expect(text).toContain(
      "**Command** (`run:`, with `bash -c` under `set -euo pipefail`):\n\n```sh\nnpm test -- --grep '@slow'\n```",
    );
    expect(text).toContain('**runs on:** `self-hosted`, `gpu`');
    expect(text).toContain('## Custom agents\n\n### Agent `helper`');
    expect(text).toContain(
      '```json\n["python3","tools/helper.py","--task","{task_id}","{prompt_file}"]\n```',
    );
    expect(text).toContain('**Agent:** `helper` (a custom agent: its command is above)');
  });

  it('shows the request as fenced text, and nothing outside a fence mentions, references or renders HTML', () => {
    const text = render();
    expect(text).toContain(
      '## Request\n\n```text\nSummarise issue #7 for @org/team <img src=https://evil.example/x.png>\n```',
    );
    const outside = text.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/`[^`\n]+`/g, '');
    expect(outside).not.toMatch(/@org|#\d|<img|https?:\/\//);
    expect(text).not.toMatch(/Batch #\d/);
  });

  it('says which tasks do not fit the size limit, and where to read them', () => {
    const big = `version: 1\ndefaults: {agent: shell}\ntasks:\n${Array.from(
      { length: 40 },
      (_, i) => `  - {id: t${i}, run: 'echo ${'x'.repeat(400)}'}\n`,
    ).join('')}`;
    const whole = render(big);
    expect(whole).toContain('### t39:');
    const cut = render(big, 8_000);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(8_000);
    const shown = (cut.match(/^### t\d+:/gm) ?? []).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(40);
    expect(cut).toContain(
      `> [!WARNING]\n> ${40 - shown} tasks are not shown here: the whole would pass the size limit. Read the rest in the job summary before you approve a run (the sha256 above names the plan file).`,
    );
  });
});
