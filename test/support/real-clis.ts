/**
 * The real agent CLIs, at the versions generated workflows pin (src/github/pins.ts AGENT_CLIS), installed for
 * the tests from the lockfiles the task composite installs from (task/agents/<agent>/package-lock.json), into
 * node_modules/.cache/: a folder of their own, so the product's dependencies stay small, and reused while the
 * lockfile is unchanged. `installRealClis` runs once per `vitest run` (vitest.config.ts globalSetup), before
 * any test file; the tests only read the folders.
 *
 * Nothing here reaches a provider: the tests point each CLI at the loopback mock of its API
 * (test/support/mock-api/) and give it a HOME of its own, so no user's login or settings leak in.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const REAL_AGENTS = ['claude', 'codex', 'gemini'] as const;
export type RealAgent = (typeof REAL_AGENTS)[number];

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'orchestrator-real-clis');

/** The folder holding the agent's `node_modules/.bin/<agent>`. */
export function realCliDir(agent: RealAgent): string {
  return path.join(CACHE, agent);
}

/** The `.bin` folder to put first on PATH so that `claude`, `codex` or `gemini` is the real CLI. */
export function realCliBin(agent: RealAgent): string {
  return path.join(realCliDir(agent), 'node_modules', '.bin');
}

function lockOf(agent: RealAgent): string {
  return path.join(ROOT, 'task', 'agents', agent, 'package-lock.json');
}

function stampOf(agent: RealAgent): string {
  const lock = fs.readFileSync(lockOf(agent));
  return createHash('sha256').update(lock).digest('hex');
}

/** Installed and matching the committed lockfile. */
export function realCliInstalled(agent: RealAgent): boolean {
  try {
    const stamp = fs.readFileSync(path.join(realCliDir(agent), '.installed'), 'utf8');
    return stamp === stampOf(agent) && fs.existsSync(path.join(realCliBin(agent), agent));
  } catch {
    return false;
  }
}

/**
 * Installs each CLI the way task/install-agents.sh does on GitHub: `npm ci --ignore-scripts` from the
 * committed lockfile, then claude-code's one needed script (install.cjs copies the native binary of the
 * platform package over its stub). Progress goes to stderr: the first install downloads about 900 MB.
 */
export function installRealClis(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  for (const agent of REAL_AGENTS) {
    if (realCliInstalled(agent)) continue;
    const dir = realCliDir(agent);
    const started = Date.now();
    log(
      `real agent CLIs: installing ${agent} from task/agents/${agent}/package-lock.json into ${path.relative(ROOT, dir)}`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) {
      fs.copyFileSync(path.join(ROOT, 'task', 'agents', agent, file), path.join(dir, file));
    }
    execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
      // The CLIs' engines (claude-code asks for Node 22) are checked where they run: its binary is native.
      env: { ...process.env, npm_config_engine_strict: 'false' },
    });
    if (agent === 'claude') {
      execFileSync(process.execPath, [path.join(dir, 'node_modules/@anthropic-ai/claude-code/install.cjs')], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    fs.writeFileSync(path.join(dir, '.installed'), stampOf(agent));
    log(`real agent CLIs: ${agent} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
