// One describe per rule: the finding it reports, where it points, and a near miss it must not report.
import { describe, expect, it } from 'vitest';
import { RULES, SCHEMA_RULE_IDS } from '../../../src/core/validate/index.js';
import { diagnose, findings, withTasks } from '../../support/plans.js';

const three = (extra = ''): string =>
  withTasks(`  - {id: A, run: a}\n  - {id: B, run: b}\n  - {id: C, run: c${extra}}\n`);

describe('unknown-key', () => {
  it('points at the key and suggests the near one', () => {
    expect(
      findings(
        withTasks('  - id: A\n    promt: x\n  - {id: B, run: b}\n  - {id: C, run: c}\n'),
        'unknown-key',
      ),
    ).toEqual(['plan.yml:4:5: unknown key "promt" in task "A" (did you mean "prompt"?) [unknown-key]']);
  });
  it('lists the known keys when nothing is close', () => {
    const [line] = findings(`version: 1\nwhatever: 1\ntasks:\n  - {id: A, run: a}\n`, 'unknown-key');
    expect(line).toMatch(
      /^plan\.yml:2:1: unknown key "whatever" in the plan \(known keys: version, name, request, defaults, agents, tasks\)/,
    );
  });
  it('explains that merge keys are not supported', () => {
    const [line] = findings(withTasks('  - <<: {run: x}\n    id: A\n'), 'unknown-key');
    expect(line).toContain('YAML merge keys are not supported');
  });
});

describe('required', () => {
  it('reports a missing version and a task without id', () => {
    expect(findings('tasks:\n  - run: a\n', 'required')).toEqual([
      'plan.yml:1:1: the plan is missing the required key "version" [required]',
      'plan.yml:2:5: the task at tasks[0] is missing the required key "id" [required]',
    ]);
  });
});

describe('type', () => {
  it('names the field, the task and the value', () => {
    expect(findings(three(', retries: three'), 'type')).toEqual([
      'plan.yml:5:30: `retries` of task "C" must be an integer, got "three" [type]',
    ]);
  });
  it('refuses a plan that is not a mapping', () => {
    expect(findings('- a\n- b\n', 'type')).toEqual([
      'plan.yml:1:1: a plan is a mapping with `version: 1` and `tasks:`; this file holds a list [type]',
    ]);
  });
  it('accepts numbers as env values and refuses lists', () => {
    expect(findings(three(', env: {A: 1, B: "x"}'), 'type')).toEqual([]);
    expect(findings(three(', env: {A: [1]}'), 'type')).toHaveLength(1);
  });
});

describe('enum', () => {
  it('lists the accepted values', () => {
    expect(findings(three(', on-failure: ignore'), 'enum')).toEqual([
      'plan.yml:5:33: `on-failure` of task "C" must be one of fail-fast, skip-dependents, continue; got "ignore" [enum]',
    ]);
  });
});

describe('range', () => {
  it('reports numbers out of range and empty lists', () => {
    expect(findings(three(', retries: -1'), 'range')).toEqual([
      'plan.yml:5:30: `retries` of task "C" must be an integer from 0 to 100, got -1 [range]',
    ]);
    expect(findings('version: 1\ntasks: []\n', 'range')).toEqual([
      'plan.yml:2:8: `tasks` must have at least 1 item [range]',
    ]);
  });
});

describe('version', () => {
  it('refuses another format version', () => {
    expect(findings('version: 2\ntasks:\n  - {id: A, run: a}\n', 'version')).toEqual([
      'plan.yml:1:10: `version` must be 1; this orchestrator reads plan format 1 [version]',
    ]);
  });
});

describe('duration', () => {
  it('refuses a bare number, a unitless string and a zero timeout', () => {
    expect(findings(three(', timeout: 300'), 'duration')[0]).toContain(
      'got the bare number 300 (which unit?)',
    );
    expect(findings(three(', timeout: "5 minutes"'), 'duration')[0]).toContain(
      'like 90s, 5m or 1h30m; got "5 minutes"',
    );
    expect(findings(three(', timeout: 0s'), 'duration')[0]).toContain('must be more than zero');
  });
  it('accepts compound durations', () => {
    expect(findings(three(', timeout: 1h30m, estimate: 90s'), 'duration')).toEqual([]);
  });
});

describe('id-format', () => {
  it('refuses ids GitHub could not use as job ids', () => {
    for (const id of ['1abc', '-a', 'a b', 'é', 'a.b']) {
      expect(findings(withTasks(`  - {id: "${id}", run: a}\n`), 'id-format'), id).toHaveLength(1);
    }
    expect(findings(withTasks('  - {id: _a-B_9, run: a}\n'), 'id-format')).toEqual([]);
  });
});

describe('runs-on', () => {
  it('refuses an expression', () => {
    expect(findings(three(', runs-on: "${{ inputs.runner }}"'), 'runs-on')[0]).toContain(
      'never an expression',
    );
  });
  it('accepts a label or a list of labels', () => {
    expect(findings(three(', runs-on: [self-hosted, linux]'), 'runs-on')).toEqual([]);
  });
});

describe('env-name', () => {
  it('refuses names a shell cannot export', () => {
    expect(findings(three(', env: {"A-B": x}'), 'env-name')[0]).toContain(
      '"A-B" is not an environment variable name',
    );
  });
});

describe('string-size', () => {
  it('refuses a string over 1 MiB', () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    expect(findings(withTasks(`  - id: A\n    prompt: ${big}\n`), 'string-size')[0]).toContain(
      'over the limit of 1048576',
    );
  });
});

describe('duplicate-id', () => {
  it('compares ids case-insensitively', () => {
    expect(findings(withTasks('  - {id: Build, run: a}\n  - {id: build, run: b}\n'), 'duplicate-id')).toEqual(
      [
        'plan.yml:4:10: task id "build" clashes with "Build", used by tasks[0]; ids must be unique, case-insensitively (as GitHub job ids) [duplicate-id]',
      ],
    );
  });
});

describe('unknown-dep', () => {
  it('points at the dep and suggests a difference of case', () => {
    expect(
      findings(
        withTasks('  - {id: T-01, run: a}\n  - {id: T-02, run: b, deps: [t-01, T-09]}\n'),
        'unknown-dep',
      ),
    ).toEqual([
      'plan.yml:4:31: task "T-02" depends on unknown task "t-01" (did you mean "T-01"? deps name ids exactly as written) [unknown-dep]',
      'plan.yml:4:37: task "T-02" depends on unknown task "T-09" [unknown-dep]',
    ]);
  });
});

describe('self-dep and duplicate-dep', () => {
  it('reports a task waiting for itself', () => {
    expect(findings(withTasks('  - {id: A, run: a, deps: [A]}\n'), 'self-dep')).toEqual([
      'plan.yml:3:28: task "A" depends on itself [self-dep]',
    ]);
  });
  it('warns about a dep listed twice', () => {
    expect(
      findings(withTasks('  - {id: A, run: a}\n  - {id: B, run: b, deps: [A, A]}\n'), 'duplicate-dep'),
    ).toEqual(['plan.yml:4:31: warning: task "B" lists "A" in deps more than once [duplicate-dep]']);
  });
});

describe('cycle', () => {
  it('prints the whole path once per cycle', () => {
    const text = withTasks(
      '  - {id: T-01, run: a, deps: [T-03]}\n  - {id: T-02, run: b, deps: [T-01]}\n  - {id: T-03, run: c, deps: [T-02]}\n  - {id: T-04, run: d, deps: [T-04]}\n',
    );
    expect(findings(text, 'cycle')).toEqual([
      'plan.yml:3:31: dependency cycle: T-01 -> T-03 -> T-02 -> T-01 (each task depends on the next); remove one of these deps [cycle]',
    ]);
  });
});

describe('unknown-agent', () => {
  it('suggests a near name and lists the agents', () => {
    expect(findings(withTasks('  - {id: A, agent: claud, prompt: x}\n'), 'unknown-agent')[0]).toContain(
      'task "A" uses unknown agent "claud" (did you mean "claude"? known agents: shell, claude, codex, gemini',
    );
  });
  it('knows custom agents and checks defaults.agent', () => {
    const head = 'agents:\n  bot: {command: [bot, "{prompt}"]}\ndefaults:\n  agent: robot\n';
    expect(findings(withTasks('  - {id: A, agent: bot, prompt: x}\n', head), 'unknown-agent')).toEqual([
      expect.stringMatching(/^plan\.yml:5:10: `defaults\.agent` names unknown agent "robot"/),
    ]);
  });
});

describe('agent fields', () => {
  it('shell-needs-run', () => {
    expect(findings(withTasks('  - {id: A, agent: shell}\n'), 'shell-needs-run')).toEqual([
      'plan.yml:3:5: shell task "A" has no `run`: give the command to run [shell-needs-run]',
    ]);
  });
  it('run-needs-shell', () => {
    expect(findings(withTasks('  - {id: A, agent: claude, run: x}\n'), 'run-needs-shell')[0]).toContain(
      '`run` is for shell tasks',
    );
  });
  it('missing-prompt, but a title is enough to build a prompt from', () => {
    expect(findings(withTasks('  - {id: A, agent: codex}\n'), 'missing-prompt')).toHaveLength(1);
    expect(findings(withTasks('  - {id: A, agent: codex, title: Do it}\n'), 'missing-prompt')).toEqual([]);
  });
  it('ignored-option warns about AI settings on a shell task', () => {
    expect(findings(withTasks('  - {id: A, run: x, model: opus}\n'), 'ignored-option')).toEqual([
      'plan.yml:3:21: warning: `model` is for AI agents; shell task "A" ignores it [ignored-option]',
    ]);
  });
  it('ignored-option: edit is for AI agents (a shell task does what its command does)', () => {
    expect(findings(withTasks('  - {id: A, run: x, edit: true}\n'), 'ignored-option')).toEqual([
      'plan.yml:3:21: warning: `edit` is for AI agents; shell task "A" ignores it [ignored-option]',
    ]);
  });
  it('unsupported-option warns about a setting the agent CLI cannot honour', () => {
    expect(
      findings(withTasks('  - {id: A, agent: codex, prompt: x, max-turns: 3}\n'), 'unsupported-option'),
    ).toEqual([
      'plan.yml:3:38: warning: `max-turns` has no effect on codex: the Codex CLI has no such setting; task "A" runs without it [unsupported-option]',
    ]);
    expect(
      findings(withTasks('  - {id: A, agent: claude, prompt: x, max-turns: 3}\n'), 'unsupported-option'),
    ).toEqual([]);
  });
  it('edit must be true or false', () => {
    expect(diagnose(withTasks('  - {id: A, prompt: x, edit: yes please}\n')).join('\n')).toMatch(
      /edit.*true or false/,
    );
  });
  it('infers shell from run, claude otherwise', () => {
    expect(findings(withTasks('  - {id: A, run: x}\n  - {id: B, prompt: y}\n'), 'shell-needs-run')).toEqual(
      [],
    );
  });
});

describe('custom-agent', () => {
  it('refuses shadowing a built-in agent and unknown placeholders', () => {
    const head = 'agents:\n  claude: {command: [x, "{prompt}"]}\n  bot: {command: [bot, "--in={promt}"]}\n';
    const found = findings(withTasks('  - {id: A, run: a}\n', head), 'custom-agent');
    expect(found).toEqual([
      'plan.yml:3:3: agent "claude" is built in; give the custom agent another name [custom-agent]',
      expect.stringContaining('plan.yml:4:18: warning: agent "bot" never passes the task'),
      expect.stringContaining('plan.yml:4:24: agent "bot": unknown placeholder {promt}'),
    ]);
  });
});

describe('granularity and estimate-timeout', () => {
  it('warns far outside 1-5 minutes and when the estimate exceeds the timeout', () => {
    expect(findings(three(', estimate: 5s'), 'granularity')[0]).toContain(
      'far under the 1-5 minute granularity',
    );
    expect(findings(three(', estimate: 1h'), 'granularity')[0]).toContain('split it into smaller tasks');
    expect(findings(three(', estimate: 3m'), 'granularity')).toEqual([]);
    expect(findings(three(', estimate: 4m, timeout: 2m'), 'estimate-timeout')[0]).toContain(
      'times out after 2m',
    );
  });
});

describe('too-few-tasks and sequential', () => {
  it('warns below 3 tasks', () => {
    expect(findings(withTasks('  - {id: A, run: a}\n'), 'too-few-tasks')).toEqual([
      'plan.yml:2:1: warning: the plan has 1 task: orchestration adds nothing here; run it directly [too-few-tasks]',
    ]);
  });
  it('warns on a chain, not on a diamond', () => {
    const chain = withTasks(
      '  - {id: A, run: a}\n  - {id: B, run: b, deps: [A]}\n  - {id: C, run: c, deps: [B]}\n',
    );
    expect(findings(chain, 'sequential')[0]).toContain('a chain of 3');
    const diamond = withTasks(
      '  - {id: A, run: a}\n  - {id: B, run: b, deps: [A]}\n  - {id: C, run: c, deps: [A]}\n  - {id: D, run: d, deps: [B, C]}\n',
    );
    expect(findings(diamond, 'sequential')).toEqual([]);
  });
});

describe('rule registry', () => {
  it('every rule id is documented in docs/rules.md', async () => {
    const fs = await import('node:fs');
    const doc = fs.readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    const ids = [...SCHEMA_RULE_IDS, 'syntax', ...RULES.flatMap((r) => r.ids)];
    for (const id of ids) expect(doc, id).toContain(`\`${id}\``);
  });
});
