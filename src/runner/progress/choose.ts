import type { Writable } from 'node:stream';
import type { Plan } from '../../core/model.js';
import { style } from '../../cli/terminal.js';
import { GithubReporter } from './github.js';
import { LineReporter } from './lines.js';
import { TtyReporter } from './tty.js';
import type { Reporter } from './types.js';

export type ProgressMode = 'auto' | 'tty' | 'lines' | 'github' | 'none';

/** GitHub Actions gets log groups, a terminal the live view, anything else one line per change. */
export function chooseReporter(
  mode: ProgressMode,
  plan: Plan,
  outputsDir: string,
  out: Writable & { isTTY?: boolean; columns?: number },
  env: NodeJS.ProcessEnv,
): Reporter {
  const resolved: Exclude<ProgressMode, 'auto'> =
    mode !== 'auto'
      ? mode
      : env.GITHUB_ACTIONS === 'true'
        ? 'github'
        : out.isTTY === true && env.TERM !== 'dumb'
          ? 'tty'
          : 'lines';
  switch (resolved) {
    case 'github':
      return new GithubReporter(plan, outputsDir, out);
    case 'tty':
      return new TtyReporter(plan, out, style(out, env));
    case 'lines':
      return new LineReporter(plan, out);
    case 'none':
      return { onEvent: () => {}, close: () => {} };
  }
}
