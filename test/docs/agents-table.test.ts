// The agents' pins table in docs/agents.md is generated from src/core/agent-clis.ts (AGENT_CLIS), the table the
// workflows are generated from too. Regenerate with UPDATE_GOLDEN=1 after a change there, and read the diff.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT_CLIS } from '../../src/core/agent-clis.js';
import { ROOT } from '../support/cli.js';

const FILE = path.join(ROOT, 'docs/agents.md');
const BEGIN = '<!-- agent-clis: generated from src/core/agent-clis.ts; do not edit -->';
const END = '<!-- /agent-clis -->';

function table(): string {
  const rows = Object.entries(AGENT_CLIS).map(([agent, cli]) =>
    [
      `\`${agent}\``,
      `\`${cli.package}@${cli.version}\``,
      `\`${cli.command}\``,
      `\`secrets.${cli.secret}\` as ${cli.keyEnv.map((e) => `\`${e}\``).join(', ')}`,
      `${cli.edit.true} / ${cli.edit.false}`,
      cli.unsupported.length === 0 ? 'none' : cli.unsupported.map((u) => `\`${u}\``).join(', '),
      cli.node,
      cli.checked,
    ].join(' | '),
  );
  return [
    '| agent | package (pinned) | headless command | key | `edit: true` / `false` | settings it cannot honour | local Node | checked against the real CLI |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

describe('docs/agents.md', () => {
  it('holds the agents table as src/core/agent-clis.ts generates it', () => {
    const text = fs.readFileSync(FILE, 'utf8');
    const start = text.indexOf(BEGIN);
    const end = text.indexOf(END);
    expect(start, 'docs/agents.md has the generated block').toBeGreaterThan(-1);
    const expected = `${text.slice(0, start + BEGIN.length)}\n${table()}\n${text.slice(end)}`;
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(FILE, expected);
    expect(text).toBe(expected);
  });
});
