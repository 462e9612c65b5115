// The README's action reference is generated from action.yml (src/action/readme.ts): README.md must hold exactly
// the generated block between its markers. UPDATE_GOLDEN=1 rewrites the block after an intended action.yml change.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  actionReadme,
  readmeBlock,
  README_END,
  README_START,
  replaceReadmeBlock,
} from '../../src/action/readme.js';
import { ROOT } from '../support/cli.js';
import { workflowFindings } from '../support/workflow-lint.js';

const README = path.join(ROOT, 'README.md');
const ACTION = path.join(ROOT, 'action.yml');

describe('the README block generated from action.yml', () => {
  it('README.md holds exactly what action.yml gives (UPDATE_GOLDEN=1 rewrites it)', () => {
    const block = actionReadme(fs.readFileSync(ACTION, 'utf8'));
    const readme = fs.readFileSync(README, 'utf8');
    if (process.env.UPDATE_GOLDEN === '1') {
      const updated = replaceReadmeBlock(readme, block);
      if (updated !== readme) fs.writeFileSync(README, updated);
      return;
    }
    expect(
      readmeBlock(readme),
      'README.md is stale: UPDATE_GOLDEN=1 npx vitest run test/action/readme.test.ts rewrites its action.yml block',
    ).toBe(block);
  });

  it('lists every input and output of action.yml, once, in its order', () => {
    const action = parse(fs.readFileSync(ACTION, 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    const block = actionReadme(fs.readFileSync(ACTION, 'utf8'));
    const [inputs, outputs] = block.split('#### Outputs');
    const names = (part: string | undefined): string[] =>
      [...(part ?? '').matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
    expect(names(inputs)).toEqual(Object.keys(action.inputs));
    expect(names(outputs)).toEqual(Object.keys(action.outputs));
  });
});

describe('actionReadme', () => {
  const render = (inputs: string, outputs = ''): string =>
    actionReadme(
      `name: x\ndescription: y\ninputs:\n${inputs}\noutputs:\n${outputs}\nruns: {using: node24, main: a.js}\n`,
    );
  const rowOf = (block: string, name: string): string =>
    block.split('\n').find((line) => line.startsWith(`| \`${name}\` |`)) ?? '';

  it('renders name, required, default and description, required defaulting to no', () => {
    const block = render(
      [
        '  mode: {description: What to do., required: true, default: plan}',
        '  dir: {description: The folder.}',
        "  limit: {description: At most this., default: '0'}",
        "  empty: {description: Nothing., default: ''}",
        '  count: {description: A number., default: 3}',
      ].join('\n'),
      '  status: {description: How it ended.}',
    );
    expect(rowOf(block, 'mode')).toBe('| `mode` | yes | `plan` | What to do. |');
    expect(rowOf(block, 'dir')).toBe('| `dir` | no |  | The folder. |');
    expect(rowOf(block, 'limit')).toBe('| `limit` | no | `0` | At most this. |');
    expect(rowOf(block, 'empty')).toBe('| `empty` | no | (empty) | Nothing. |');
    expect(rowOf(block, 'count')).toBe('| `count` | no | `3` | A number. |');
    expect(rowOf(block, 'status')).toBe('| `status` | How it ended. |');
    expect(block).toContain('| input | required | default | description |\n|---|---|---|---|\n');
    expect(block).toContain('| output | description |\n|---|---|\n');
  });

  it('keeps " - " separators and folded text as written, one line a row', () => {
    const block = render(
      [
        '  concurrency:',
        '    description: Mode `task`, with several ids - how many tasks run at a time. Default - the CPUs.',
        '  plan:',
        '    description: >-',
        '      Path of the plan,',
        '      relative to the workspace.',
        '  notes:',
        '    description: |',
        '      First line',
        '      second line.',
        '',
        '      A new paragraph.',
      ].join('\n'),
    );
    expect(rowOf(block, 'concurrency')).toBe(
      '| `concurrency` | no |  | Mode `task`, with several ids - how many tasks run at a time. Default - the CPUs. |',
    );
    expect(rowOf(block, 'plan')).toBe('| `plan` | no |  | Path of the plan, relative to the workspace. |');
    expect(rowOf(block, 'notes')).toBe(
      '| `notes` | no |  | First line second line.<br><br>A new paragraph. |',
    );
  });

  it('escapes what markdown would interpret, outside code spans, and pipes everywhere', () => {
    const block = render(
      [
        "  a: {description: 'Writes `dir`/artifact/<id>/ and a|b, *not* _this_ [link] & \\ ~x~.'}",
        "  b: {description: 'Code `a | b` stays code; a lone ` backtick is literal.'}",
        "  c: {description: 'Double ``x ` y`` fence.', default: 'a|b'}",
        "  d: {description: 'Token.', default: '${{ github.token }}'}",
      ].join('\n'),
      '  e: {description: \'e.g. ["claude","shell"]\'}',
    );
    expect(rowOf(block, 'a')).toBe(
      '| `a` | no |  | Writes `dir`/artifact/&lt;id&gt;/ and a\\|b, \\*not\\* \\_this\\_ \\[link\\] &amp; \\\\ \\~x\\~. |',
    );
    expect(rowOf(block, 'b')).toBe(
      '| `b` | no |  | Code `a \\| b` stays code; a lone \\` backtick is literal. |',
    );
    expect(rowOf(block, 'c')).toBe('| `c` | no | `a\\|b` | Double ``x ` y`` fence. |');
    expect(rowOf(block, 'd')).toBe('| `d` | no | `${{ github.token }}` | Token. |');
    expect(rowOf(block, 'e')).toBe('| `e` | e.g. \\["claude","shell"\\] |');
    // A table row is one line whatever the description holds.
    for (const line of block.split('\n').filter((l) => l.startsWith('| `'))) {
      expect(line.split(/(?<!\\)\|/).length).toBe(
        line.includes('| no |') || line.includes('| yes |') ? 6 : 4,
      );
    }
  });

  it('a default with backticks gets a longer fence', () => {
    const block = render("  q: {description: Q., default: 'a`b'}");
    expect(rowOf(block, 'q')).toBe('| `q` | no | ``a`b`` | Q. |');
  });

  it('says so when there are no inputs or outputs', () => {
    const block = actionReadme('name: x\ndescription: y\nruns: {using: node24, main: a.js}\n');
    expect(block).toContain('#### Inputs\n\nNone.\n');
    expect(block).toContain('#### Outputs\n\nNone.\n');
  });

  it('refuses an action.yml it cannot read', () => {
    expect(() => actionReadme('- a list')).toThrow(/expected a mapping/);
    expect(() => actionReadme('inputs: [a, b]')).toThrow(/inputs must be a mapping/);
    expect(() => actionReadme('inputs: {a: 3}')).toThrow(/inputs\.a must be a mapping/);
    expect(() => actionReadme('inputs: {a: {description: [x]}}')).toThrow(
      /inputs\.a\.description must be a string/,
    );
    expect(() => actionReadme('inputs: {a: {}}\ninputs: {b: {}}')).toThrow();
  });
});

describe('the README markers', () => {
  const text = `# Title\n\nintro\n${README_START}\nold\n${README_END}\n\nafter\n`;

  it('replaces only the block, and reads it back', () => {
    const updated = replaceReadmeBlock(text, 'new block\n');
    expect(updated).toBe(`# Title\n\nintro\n${README_START}\nnew block\n${README_END}\n\nafter\n`);
    expect(readmeBlock(updated)).toBe('new block\n');
    expect(replaceReadmeBlock(updated, 'new block\n')).toBe(updated);
  });

  it('refuses a README whose markers are missing, repeated or reversed', () => {
    expect(() => readmeBlock('# no markers\n')).toThrow(/missing/);
    expect(() => replaceReadmeBlock(`${text}${README_START}\n`, 'x\n')).toThrow(/more than once/);
    expect(() => readmeBlock(`${README_END}\n${README_START}\n`)).toThrow(/before/);
  });
});

describe("the README's action section", () => {
  it('shows workflows that pass workflow-parser and actionlint', async () => {
    const readme = fs.readFileSync(README, 'utf8');
    const section = /^## The GitHub Action\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
    const snippets = [...section.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
    expect(snippets.length).toBeGreaterThanOrEqual(2);
    for (const [i, snippet] of snippets.entries()) {
      expect(await workflowFindings(snippet, `readme-${i + 1}.yml`)).toEqual([]);
    }
  });
});
