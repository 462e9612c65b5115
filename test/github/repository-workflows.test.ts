// Every workflow file of the repository (.github/workflows/) and of its examples (examples/workflows/) passes
// @actions/workflow-parser and actionlint, pins every third-party action to a full commit with its version beside
// it (the commits of src/github/pins.ts), and the generated example is what its plan compiles to today.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTIONS } from '../../src/github/pins.js';
import { cli, ROOT, tempDir } from '../support/cli.js';
import { FAKE_BIN } from '../support/run.js';
import { executeWorkflow } from '../support/workflow-exec.js';
import { workflowFindings } from '../support/workflow-lint.js';

const FOLDERS = ['.github/workflows', 'examples/workflows'];
/** The placeholder commit the examples pin this repository's workflow and action at. */
const PIN = '1'.repeat(40);

/** Every workflow file of the folders, relative to the repository root, sorted. */
function workflowFiles(): string[] {
  return FOLDERS.flatMap((folder) =>
    fs
      .readdirSync(path.join(ROOT, folder))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => `${folder}/${name}`),
  ).sort();
}

/**
 * This repository's action, its task action and its reusable workflow, referred to as a user of them would: by
 * release tag, or by the full commit SHA the examples pin them at (a placeholder the user replaces).
 */
const OWN = /^org\/orchestrator(?:\/task|\/\.github\/workflows\/[\w.-]+\.ya?ml)?@(?:v\d+|[0-9a-f]{40})$/;
const PINNED = /^[\w.-]+\/[\w.-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/;
const KNOWN = new Map<string, string>(Object.values(ACTIONS).map((a) => [`${a.repo}@${a.sha}`, a.version]));

/** Every `uses:` of a workflow, as the YAML holds it (steps' and reusable-workflow calls'). */
function usesOf(text: string): string[] {
  const doc = parse(text) as { jobs?: Record<string, { uses?: string; steps?: { uses?: string }[] }> };
  return Object.values(doc.jobs ?? {}).flatMap((job) => [
    ...(job.uses === undefined ? [] : [job.uses]),
    ...(job.steps ?? []).flatMap((step) => (step.uses === undefined ? [] : [step.uses])),
  ]);
}

/** What is wrong with the `uses:` lines of a workflow: unpinned, without a version comment, or an unknown pin. */
function pinFindings(text: string): string[] {
  const findings: string[] = [];
  const lines = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)[ \t]*(#.*)?$/gm)];
  const uses = usesOf(text);
  if (lines.length !== uses.length) {
    findings.push(`${uses.length} uses in the YAML but ${lines.length} "uses:" lines: write one per line`);
  }
  for (const [, ref = '', comment] of lines) {
    if (ref.startsWith('./') || OWN.test(ref)) continue;
    if (ref.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(ref)) findings.push(`${ref}: pin the image by digest`);
      continue;
    }
    if (!PINNED.test(ref)) {
      findings.push(`${ref}: pin it to a full 40-hex commit`);
      continue;
    }
    const version = /^#\s*(v\d+(?:\.\d+)*)\s*$/.exec(comment ?? '')?.[1];
    if (version === undefined) {
      findings.push(`${ref}: write its version as a comment (# v1.2.3)`);
      continue;
    }
    const known = KNOWN.get(ref.replace(/^([^/]+\/[^/@]+)[^@]*@/, '$1@'));
    if (known === undefined) findings.push(`${ref}: not a commit of src/github/pins.ts (PINS.md)`);
    else if (known !== version) findings.push(`${ref}: the comment says ${version}, the commit is ${known}`);
  }
  return findings;
}

const PINNED_REF = `org/orchestrator@${'1'.repeat(40)}`;

describe('the repository workflows', () => {
  const files = workflowFiles();

  it('include the CI, the reusable workflow and the examples', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/orchestrate.yml',
        'examples/workflows/dispatch.yml',
        'examples/workflows/repo-health.yml',
      ]),
    );
  });

  it.each(files)('%s passes workflow-parser and actionlint', async (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect(await workflowFindings(text, path.basename(file))).toEqual([]);
  });

  it.each(files)('%s pins every third-party action to a commit, its version beside it', (file) => {
    expect(pinFindings(fs.readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('examples/workflows/repo-health.yml is what examples/repo-health.yml compiles to', () => {
    const r = cli([
      'generate',
      'examples/repo-health.yml',
      '-o',
      'examples/workflows/repo-health.yml',
      '--action-ref',
      // A shipped workflow names the orchestrator by commit (the placeholder users replace), never by tag.
      PINNED_REF,
      '--check',
    ]);
    expect(
      r.stdout,
      `regenerate it: orchestrator generate examples/repo-health.yml -o examples/workflows/repo-health.yml --action-ref ${PINNED_REF}`,
    ).toBe('');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/examples\/workflows\/repo-health\.yml is current/);
  });

  it('dispatch.yml hands its inputs to the reusable workflow as data, with read-only permissions', () => {
    const doc = parse(fs.readFileSync(path.join(ROOT, 'examples/workflows/dispatch.yml'), 'utf8')) as {
      on: { workflow_dispatch: { inputs: Record<string, unknown> } };
      permissions: unknown;
      jobs: Record<
        string,
        { uses?: string; with?: Record<string, string>; permissions?: unknown; steps?: unknown }
      >;
    };
    expect(Object.keys(doc.on.workflow_dispatch.inputs)).toEqual(['plan', 'tasks']);
    expect(doc.permissions).toEqual({});
    const jobs = Object.values(doc.jobs);
    expect(jobs).toHaveLength(1);
    // Pinned by commit, the same commit given as orchestrator-ref; the agents' keys by name, never inherited.
    expect(jobs[0]).toMatchObject({
      uses: `org/orchestrator/.github/workflows/orchestrate.yml@${PIN}`,
      with: { plan: '${{ inputs.plan }}', tasks: '${{ inputs.tasks }}', 'orchestrator-ref': PIN },
      permissions: { contents: 'read' },
      secrets: {
        ANTHROPIC_API_KEY: '${{ secrets.ANTHROPIC_API_KEY }}',
        OPENAI_API_KEY: '${{ secrets.OPENAI_API_KEY }}',
        GEMINI_API_KEY: '${{ secrets.GEMINI_API_KEY }}',
      },
    });
    expect(jobs[0]!.steps).toBeUndefined();
  });

  it('dispatch.yml runs a committed plan through the reusable workflow at the pinned commit', async () => {
    const repo = tempDir();
    fs.writeFileSync(
      path.join(repo, 'plan.yml'),
      'version: 1\ndefaults: {agent: shell}\ntasks:\n  - {id: a, run: "echo from-a"}\n  - {id: b, run: "echo from-b", deps: [a]}\n',
    );
    const r = await executeWorkflow({
      workflow: path.join(ROOT, 'examples/workflows/dispatch.yml'),
      repo,
      actionRef: `org/orchestrator@${PIN}`,
      env: { PATH: `${FAKE_BIN}:${process.env.PATH}` },
      inputs: { plan: 'plan.yml', tasks: '' },
      permissionTokens: true,
    });
    try {
      expect(r.job('orchestrate/plan').result).toBe('success');
      expect(r.job('orchestrate/aggregate').result).toBe('success');
      expect(r.job('orchestrate').outputs.status).toBe('success');
      const report = fs.readFileSync(path.join(r.artifacts.get('final-output')!, 'final_output.md'), 'utf8');
      expect(report).toContain('from-b');
    } finally {
      r.cleanup();
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('pinFindings', () => {
  const workflow = (uses: string): string =>
    `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n`;

  it('accepts a known pin with its version, local and own refs', () => {
    expect(pinFindings(workflow(`${ACTIONS.checkout.repo}@${ACTIONS.checkout.sha} # v7.0.1`))).toEqual([]);
    expect(pinFindings(workflow('./local-action'))).toEqual([]);
    expect(pinFindings(workflow('org/orchestrator@v1'))).toEqual([]);
    expect(pinFindings(workflow(`org/orchestrator/task@${PIN}`))).toEqual([]);
    expect(pinFindings(workflow(`org/orchestrator/.github/workflows/orchestrate.yml@${PIN} # v1`))).toEqual(
      [],
    );
  });

  it('refuses a branch or a short SHA of this repository, and another folder of it', () => {
    expect(pinFindings(workflow('org/orchestrator@main'))).toEqual([
      'org/orchestrator@main: pin it to a full 40-hex commit',
    ]);
    expect(pinFindings(workflow('org/orchestrator@1111111'))).toEqual([
      'org/orchestrator@1111111: pin it to a full 40-hex commit',
    ]);
    expect(pinFindings(workflow(`org/orchestrator/other@${PIN}`))).toEqual([
      `org/orchestrator/other@${PIN}: write its version as a comment (# v1.2.3)`,
    ]);
  });

  it('refuses a tag, a short SHA, a missing or wrong version, an unknown commit', () => {
    expect(pinFindings(workflow('actions/checkout@v7'))).toEqual([
      'actions/checkout@v7: pin it to a full 40-hex commit',
    ]);
    expect(pinFindings(workflow('actions/checkout@3d3c42e # v7.0.1'))).toHaveLength(1);
    const sha = ACTIONS.checkout.sha;
    expect(pinFindings(workflow(`actions/checkout@${sha}`))).toEqual([
      `actions/checkout@${sha}: write its version as a comment (# v1.2.3)`,
    ]);
    expect(pinFindings(workflow(`actions/checkout@${sha} # v6.0.0`))).toEqual([
      `actions/checkout@${sha}: the comment says v6.0.0, the commit is v7.0.1`,
    ]);
    expect(pinFindings(workflow(`someone/else@${'a'.repeat(40)} # v1`))).toEqual([
      `someone/else@${'a'.repeat(40)}: not a commit of src/github/pins.ts (PINS.md)`,
    ]);
    expect(pinFindings(workflow('docker://alpine:3'))).toEqual([
      'docker://alpine:3: pin the image by digest',
    ]);
  });

  it('counts a uses it cannot read line by line', () => {
    const text = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - {uses: actions/checkout@v7}\n`;
    expect(pinFindings(text)).toEqual(['1 uses in the YAML but 0 "uses:" lines: write one per line']);
  });
});
