#!/usr/bin/env bash
# Installs the agent CLIs named in ORCHESTRATOR_AGENTS (the composite's `agents` input: claude, codex, gemini,
# separated by spaces or commas) for the task step that follows, and gives it their bin folders as the step's
# output `path` (folders separated by `:`). Not through GITHUB_PATH: that would put folders a task can write to
# first on PATH for every later step of the job, so that a binary it planted there would run in them.
#
# Each comes from the lockfile committed beside this script (agents/<agent>/package-lock.json: the exact version
# of src/github/pins.ts AGENT_CLIS and every package's integrity hash), installed by `npm ci --ignore-scripts`:
# no floating transitive dependency, no install script of any package. The one script a CLI needs is run by
# name below: claude-code's postinstall (install.cjs) only copies the native binary of the platform package that
# npm installed (an optional dependency, in the lockfile too) over the stub bin/claude.exe, which otherwise
# prints "claude native binary not installed" and exits 1. codex and gemini need none (gemini's optional native
# modules, keytar and node-pty, are not built and it runs without them).
#
# The folder is under RUNNER_TEMP, outside the workspace and the repository. The API keys the job gives the
# composite's step are dropped first: neither npm nor install.cjs needs one.
set -euo pipefail
unset ANTHROPIC_API_KEY OPENAI_API_KEY CODEX_API_KEY GEMINI_API_KEY

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${RUNNER_TEMP:?orchestrator/task: RUNNER_TEMP is not set (this script runs in a GitHub Actions step)}"
: "${GITHUB_OUTPUT:?orchestrator/task: GITHUB_OUTPUT is not set (this script runs in a GitHub Actions step)}"
if ! command -v npm >/dev/null; then
  echo 'orchestrator/task: npm is not on PATH: add an actions/setup-node step before this one' >&2
  exit 1
fi

read -r -a agents <<<"${ORCHESTRATOR_AGENTS//,/ }"
bins=''
for agent in "${agents[@]}"; do
  case "$agent" in
    claude | codex | gemini) ;;
    *)
      # Only letters and the like are echoed: the value comes from the workflow, but a log line must not become
      # a workflow command.
      echo "orchestrator/task: input \`agents\`: no agent CLI \"${agent//[^A-Za-z0-9._-]/?}\" to install (accepted: claude, codex, gemini; shell tasks and custom agents need none)" >&2
      exit 1
      ;;
  esac
  dest="$RUNNER_TEMP/orchestrator-agents/$agent"
  rm -rf "$dest"
  mkdir -p "$dest"
  cp "$here/agents/$agent/package.json" "$here/agents/$agent/package-lock.json" "$dest/"
  echo "Installing the $agent CLI from task/agents/$agent/package-lock.json"
  (cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  if [ "$agent" = claude ]; then
    node "$dest/node_modules/@anthropic-ai/claude-code/install.cjs"
  fi
  bin="$dest/node_modules/.bin/$agent"
  if [ ! -x "$bin" ]; then
    echo "orchestrator/task: the $agent CLI was installed but $bin is missing" >&2
    exit 1
  fi
  bins="${bins:+$bins:}$dest/node_modules/.bin"
done
echo "path=$bins" >>"$GITHUB_OUTPUT"
