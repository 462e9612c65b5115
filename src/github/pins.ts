/**
 * Every third-party action and agent CLI a generated workflow uses, pinned in one table: one edit here moves
 * every generated workflow. Action commits come from ../shared/PINS.md (read from each repository's release
 * tags); a SHA is never shortened or guessed.
 */

export interface PinnedAction {
  /** `owner/repo`. */
  repo: string;
  /** The full 40-hex commit of the release tag. */
  sha: string;
  /** The release tag, written as a comment beside the SHA so a reader (and Dependabot) sees the version. */
  version: string;
}

export const ACTIONS = {
  checkout: { repo: 'actions/checkout', sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1' },
  uploadArtifact: {
    repo: 'actions/upload-artifact',
    sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
    version: 'v7.0.0',
  },
  downloadArtifact: {
    repo: 'actions/download-artifact',
    sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c',
    version: 'v8.0.1',
  },
  setupNode: {
    repo: 'actions/setup-node',
    sha: '820762786026740c76f36085b0efc47a31fe5020',
    version: 'v7.0.0',
  },
} as const satisfies Record<string, PinnedAction>;

/** The Node.js major the agent CLIs are installed with (setup-node's `node-version`). */
export const NODE_VERSION = 24;

export interface AgentCli {
  /**
   * The npm package of the CLI at `version` (looked up with `npm view <package> version`): the task composite
   * installs it from the lockfile committed under task/agents/<agent>/, which pins this version.
   */
  package: string;
  version: string;
  /** The repository secret holding its API key, given to the step that runs the agent and to no other. */
  secret: string;
  /** What the CLI is called where a workflow names it. */
  label: string;
}

/** The built-in AI agents a job has to install before it can run their tasks (2026-11-24). */
export const AGENT_CLIS = {
  claude: {
    package: '@anthropic-ai/claude-code',
    version: '2.1.330',
    secret: 'ANTHROPIC_API_KEY',
    label: 'Claude Code CLI',
  },
  codex: { package: '@openai/codex', version: '0.169.0', secret: 'OPENAI_API_KEY', label: 'Codex CLI' },
  gemini: { package: '@google/gemini-cli', version: '0.61.0', secret: 'GEMINI_API_KEY', label: 'Gemini CLI' },
} as const satisfies Record<string, AgentCli>;

export type SetupAgent = keyof typeof AGENT_CLIS;

export function isSetupAgent(agent: string): agent is SetupAgent {
  return Object.hasOwn(AGENT_CLIS, agent);
}

/** `owner/repo@<sha>`, and the comment that goes beside it. */
export function actionRef(action: PinnedAction): { ref: string; comment: string } {
  return { ref: `${action.repo}@${action.sha}`, comment: action.version };
}
