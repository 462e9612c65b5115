/**
 * Every third-party action a generated workflow uses, pinned in one table (the agent CLIs: core/agent-clis.ts): one edit here moves
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

// The agent CLIs' pins live with the rest of what is known of each CLI (its flags, its key variables, the day it
// was checked against the real one), in core: the adapters and the docs read them too.
export { AGENT_CLIS, isSetupAgent, type AgentCli, type SetupAgent } from '../core/agent-clis.js';

/** `owner/repo@<sha>`, and the comment that goes beside it. */
export function actionRef(action: PinnedAction): { ref: string; comment: string } {
  return { ref: `${action.repo}@${action.sha}`, comment: action.version };
}
