/**
 * The built-in AI agents' CLIs, in one table: the version generated workflows install (from the lockfile
 * committed under task/agents/<agent>/, which pins it), the secret and the variables the key reaches the CLI
 * by, the headless command line the adapter builds, what `edit:` maps to, and the day the adapter was last
 * checked against that version of the real CLI (test/agents/real-*.test.ts run it against a loopback mock of
 * its API). The workflows (src/github/), the audit and the docs' agent table (docs/agents.md, checked by
 * test/docs/agents-table.test.ts) are generated from it: one edit here moves them all.
 */

export interface AgentCli {
  /** The npm package, installed at `version` (looked up with `npm view <package> version`). */
  package: string;
  version: string;
  /** What the CLI is called where a workflow or a doc names it. */
  label: string;
  /** The repository secret holding its API key, given to the step that runs the agent and to no other. */
  secret: string;
  /**
   * The variables the step sets from that secret: the names this version of the CLI reads its key from
   * (codex 0.169.0 sends no key from OPENAI_API_KEY in `exec`, only from CODEX_API_KEY).
   */
  keyEnv: readonly string[];
  /** The headless command line the adapter runs (the prompt goes on stdin), for the docs. */
  command: string;
  /** What the adapter adds for `edit: true`, and for `edit: false` (the default). */
  edit: { true: string; false: string };
  /** The plan settings the CLI has no way to honour: the validator warns when a task sets one. */
  unsupported: readonly ('max-turns' | 'allowed-tools')[];
  /** The Node.js versions a local install runs on, and what to know about installing it. */
  node: string;
  /** The day the adapter was last run against this version of the real CLI. */
  checked: string;
}

export const AGENT_CLIS = {
  claude: {
    package: '@anthropic-ai/claude-code',
    version: '2.1.330',
    label: 'Claude Code CLI',
    secret: 'ANTHROPIC_API_KEY',
    keyEnv: ['ANTHROPIC_API_KEY'],
    command: 'claude -p --output-format stream-json --verbose --permission-mode <mode>',
    edit: { true: '--permission-mode acceptEdits', false: '--permission-mode default' },
    unsupported: [],
    node: 'Node 20 or later: 2.1.330 is a native binary (its package asks for Node 22, so on Node 20 `npm i -g @anthropic-ai/claude-code` picks 2.1.197; give the version: `npm i -g @anthropic-ai/claude-code@2.1.330`)',
    checked: '2026-12-07',
  },
  codex: {
    package: '@openai/codex',
    version: '0.169.0',
    label: 'Codex CLI',
    secret: 'OPENAI_API_KEY',
    keyEnv: ['CODEX_API_KEY'],
    command: 'codex exec --json --skip-git-repo-check --sandbox <mode> -',
    edit: { true: '--sandbox workspace-write', false: '--sandbox read-only' },
    unsupported: ['max-turns', 'allowed-tools'],
    node: 'Node 16 or later (a native binary)',
    checked: '2026-12-07',
  },
  gemini: {
    package: '@google/gemini-cli',
    version: '0.61.0',
    label: 'Gemini CLI',
    secret: 'GEMINI_API_KEY',
    keyEnv: ['GEMINI_API_KEY'],
    command:
      'gemini --output-format json --skip-trust --approval-mode <mode> -p "" (max-turns and allowed-tools through a settings and a policy file)',
    edit: { true: '--approval-mode auto_edit', false: '--approval-mode default' },
    unsupported: [],
    node: 'Node 20 or later',
    checked: '2026-12-07',
  },
} as const satisfies Record<string, AgentCli>;

export type SetupAgent = keyof typeof AGENT_CLIS;

export function isSetupAgent(agent: string): agent is SetupAgent {
  return Object.hasOwn(AGENT_CLIS, agent);
}
