/**
 * The reusable workflow of this repository, `.github/workflows/orchestrate.yml` (DESIGN §6, "Dynamic run"): for
 * plans decided at run time, such as one an agent wrote from a pull request. A `plan` job validates the plan and
 * outputs one matrix per level; a fixed number of wave jobs run one level each; an `aggregate` job writes the
 * report. Generated from here (and checked against the committed file by a test) so the waves cannot drift apart.
 *
 * Compared with `orchestrator generate`, the cost is a barrier between levels: a task waits for its whole level's
 * predecessors, not only for its deps. Inside a wave, each leg's task mode decides from the downloaded
 * status.json files whether its tasks may run (docs/github.md), so failure policies hold across waves.
 *
 * Which code runs: a reusable workflow cannot read its own ref (no context holds it; only the OIDC token's
 * `job_workflow_sha` does, and asking for it would need `id-token: write` in every job). A `uses:` of
 * `org/orchestrator@v1` inside would run whatever `v1` points to today, even for a caller who pinned this file by
 * SHA. So the caller names the commit twice, in `uses:` and in the required `orchestrator-ref` input (a full
 * 40-hex SHA, checked first by the plan job), and every job checks this repository out at that commit into
 * `.orchestrator/action` and runs `./.orchestrator/action` (the node action: plan, aggregate) and
 * `./.orchestrator/action/task` (the composite that runs the agents, which holds no runtime token).
 *
 * What each wave leg holds: `contents: read`, and only the API keys of the agents its own tasks run (the plan's
 * matrices name them per leg); a shell-only leg gets none.
 */
import { DEFAULT_ACTION_REF } from './inputs.js';
import { ACTIONS, AGENT_CLIS, NODE_VERSION, type SetupAgent } from './pins.js';
import { ARTIFACT, REPORT, uses } from './workflow.js';
import { Spaced, emitYaml, type YamlMap, type YamlNode } from './yaml.js';

/** The wave jobs: plans with more levels are refused by the plan job, pointing to `orchestrator generate`. */
export const WAVES = 12;

/** This repository, as callers write it in `uses:` (`owner/name`). */
export const ORCHESTRATOR_REPOSITORY = DEFAULT_ACTION_REF.replace(/@.*$/, '');
/** Where each job checks this repository out at `orchestrator-ref`, inside the workspace (`uses: ./…`). */
export const ACTION_DIR = '.orchestrator/action';
/** Where a plan artifact is extracted: under `.orchestrator/`, never on top of the caller's checkout. */
export const PLAN_ARTIFACT_DIR = '.orchestrator/plan-artifact';
/** Where task artifacts are downloaded, one folder per artifact, never merged (the action imports them). */
const DOWNLOADS = '.orchestrator/downloads';
/** How long a task artifact is kept: long enough to read a run's results, short for what a task left in it. */
const TASK_RETENTION_DAYS = 3;

/** The plan file each step reads: inside the plan artifact's folder when there is one. */
const PLAN = `\${{ inputs.plan-artifact != '' && format('${PLAN_ARTIFACT_DIR}/{0}', inputs.plan) || inputs.plan }}`;

/**
 * The caller's repository at `ref` (empty: the event's commit): a caller that approved a plan for a pull
 * request's head commit passes that commit, so the tasks run on the code that was approved, not on a later push.
 */
const checkout = {
  uses: uses(ACTIONS.checkout),
  with: { ref: '${{ inputs.ref }}', 'persist-credentials': false },
};
const checkoutAction = {
  name: 'Check out the orchestrator at orchestrator-ref',
  uses: uses(ACTIONS.checkout),
  with: {
    repository: ORCHESTRATOR_REPOSITORY,
    ref: '${{ inputs.orchestrator-ref }}',
    path: ACTION_DIR,
    'persist-credentials': false,
  },
};
const downloadTasks = (name: string): YamlMap => ({
  name,
  uses: uses(ACTIONS.downloadArtifact),
  // No merge: each artifact lands in its own `downloads/<name>/`, and the action imports from `task-<id>` only
  // `<id>/`, from a `tasks-…` artifact only the ids `sources` gives it (a leg cannot speak for another).
  with: { pattern: 'task*', path: DOWNLOADS },
});

/**
 * With `plan-artifact`, the plan is not in the repository but in an artifact of this run (e.g. one a decompose
 * job wrote from a pull request): every job downloads it into `.orchestrator/plan-artifact/`, and `plan` is the
 * plan's path inside the artifact. The artifact's name must not start with `task`.
 */
const downloadPlan = {
  name: 'Download the plan',
  if: "${{ inputs.plan-artifact != '' }}",
  uses: uses(ACTIONS.downloadArtifact),
  with: { name: '${{ inputs.plan-artifact }}', path: PLAN_ARTIFACT_DIR },
};

function wave(k: number): YamlMap {
  const agents = Object.keys(AGENT_CLIS) as SetupAgent[];
  const steps: YamlNode[] = [
    checkout,
    checkoutAction,
    downloadPlan,
    checkPlan,
    ...(k > 1 ? [downloadTasks('Download the earlier waves’ outputs')] : []),
    {
      uses: uses(ACTIONS.setupNode),
      if: "${{ join(matrix.agents, '') != '' }}",
      with: { 'node-version': NODE_VERSION },
    },
    {
      name: 'Run the tasks',
      id: 'task',
      uses: `./${ACTION_DIR}/task`,
      // Each key reaches this step only when one of the leg's own tasks runs its agent (`matrix.agents`, from
      // the plan job); otherwise the variable is empty. No other step holds a key.
      env: Object.fromEntries(
        agents.flatMap((a) => {
          const { secret, keyEnv } = AGENT_CLIS[a];
          const value = `\${{ contains(matrix.agents, '${a}') && secrets.${secret} || '' }}`;
          return keyEnv.map((name) => [name, value]);
        }),
      ),
      with: {
        plan: PLAN,
        task: '${{ matrix.tasks }}',
        agents: "${{ join(matrix.agents, ' ') }}",
        sources: '${{ needs.plan.outputs.sources }}',
        concurrency: '${{ inputs.concurrency }}',
        'plan-origin': '${{ inputs.plan-origin }}',
      },
    },
    {
      name: 'Upload the output',
      if: '${{ !cancelled() }}',
      uses: uses(ACTIONS.uploadArtifact),
      with: {
        name: '${{ matrix.artifact }}',
        path: ARTIFACT,
        'include-hidden-files': true,
        overwrite: true,
        'retention-days': TASK_RETENTION_DAYS,
      },
    },
  ];
  return {
    name: `wave ${k}`,
    needs: k === 1 ? 'plan' : ['plan', `wave-${k - 1}`],
    // A wave runs whatever the earlier ones did (its legs decide from their deps' status.json), unless the
    // run was cancelled or the plan has fewer levels.
    if:
      k === 1
        ? '${{ needs.plan.outputs.levels >= 1 }}'
        : `\${{ !cancelled() && needs.plan.result == 'success' && needs.plan.outputs.levels >= ${k} }}`,
    'runs-on': '${{ inputs.runs-on }}',
    'timeout-minutes': '${{ inputs.timeout-minutes }}',
    permissions: { contents: 'read' },
    strategy: {
      'fail-fast': false,
      'max-parallel': '${{ inputs.max-parallel }}',
      matrix: `\${{ fromJSON(needs.plan.outputs.matrices)[${k - 1}] }}`,
    },
    steps,
  };
}

/** The plan job's first step: a mutable ref (a tag, a branch) would run code nobody pinned. */
const checkRef = {
  name: 'Check orchestrator-ref',
  env: { REF: '${{ inputs.orchestrator-ref }}' },
  run:
    '[[ "$REF" =~ ^[0-9a-f]{40}$ ]] || { echo "::error title=orchestrator-ref::orchestrator-ref must be the full ' +
    '40-hex commit SHA this workflow is called at (the ref after @ in uses:), not ${REF//[^A-Za-z0-9._\\/-]/?}: ' +
    'a tag or branch can move after you pinned the workflow"; exit 1; }',
};

/**
 * The plan job hashes the plan before reading it: with `plan-sha256`, any other plan is refused (the one a
 * maintainer reviewed, byte for byte); either way its sha256 is an output, which every later job checks its own
 * download against (an artifact can be replaced while the run goes on, by anything holding the runtime token).
 */
const hashPlan = {
  name: 'Check the plan’s sha256',
  id: 'digest',
  env: { PLAN_FILE: PLAN, EXPECTED: '${{ inputs.plan-sha256 }}' },
  run:
    '[ -f "$PLAN_FILE" ] || { echo "::error title=plan::no plan file $PLAN_FILE (the plan input, inside the plan ' +
    'artifact when plan-artifact is set)"; exit 1; }; actual=$(sha256sum -- "$PLAN_FILE" | cut -d " " -f 1); ' +
    'if [ -n "$EXPECTED" ] && [ "$actual" != "$EXPECTED" ]; then echo "::error title=plan-sha256::$PLAN_FILE ' +
    'has sha256 $actual, not the reviewed $EXPECTED: the plan changed since it was reviewed; nothing runs"; ' +
    'exit 1; fi; echo "sha256=$actual" >>"$GITHUB_OUTPUT"',
};

/** Every job after the plan job: the plan it reads is the one the plan job checked. */
const checkPlan = {
  name: 'Check the plan is the one the plan job checked',
  env: { PLAN_FILE: PLAN, EXPECTED: '${{ needs.plan.outputs.sha256 }}' },
  run:
    'actual=$(sha256sum -- "$PLAN_FILE" | cut -d " " -f 1); [ "$actual" = "$EXPECTED" ] || { echo "::error ' +
    'title=plan-sha256::$PLAN_FILE has sha256 $actual, not $EXPECTED as the plan job checked it: it was ' +
    'replaced during the run; nothing runs"; exit 1; }',
};

export function reusableWorkflow(): string {
  const jobs = Object.create(null) as Record<string, YamlNode>;
  jobs.plan = {
    'runs-on': 'ubuntu-latest',
    'timeout-minutes': 10,
    permissions: { contents: 'read' },
    outputs: {
      levels: '${{ steps.plan.outputs.levels }}',
      matrices: '${{ steps.plan.outputs.matrices }}',
      sources: '${{ steps.plan.outputs.sources }}',
      sha256: '${{ steps.digest.outputs.sha256 }}',
    },
    steps: [
      checkRef,
      checkout,
      checkoutAction,
      downloadPlan,
      hashPlan,
      {
        name: 'Validate the plan',
        id: 'plan',
        uses: `./${ACTION_DIR}`,
        with: {
          mode: 'plan',
          plan: PLAN,
          select: '${{ inputs.tasks }}',
          'max-waves': WAVES,
          'plan-origin': '${{ inputs.plan-origin }}',
        },
      },
    ],
  };
  for (let k = 1; k <= WAVES; k++) jobs[`wave-${k}`] = wave(k);
  jobs.aggregate = {
    needs: ['plan', ...Array.from({ length: WAVES }, (_, k) => `wave-${k + 1}`)],
    if: "${{ !cancelled() && needs.plan.result == 'success' }}",
    'runs-on': 'ubuntu-latest',
    'timeout-minutes': 15,
    permissions: { contents: 'read' },
    outputs: {
      status: '${{ steps.aggregate.outputs.status }}',
      counts: '${{ steps.aggregate.outputs.counts }}',
      cost: '${{ steps.aggregate.outputs.cost }}',
    },
    steps: [
      checkout,
      checkoutAction,
      downloadPlan,
      checkPlan,
      downloadTasks('Download every task’s output'),
      {
        name: 'Write the report',
        id: 'aggregate',
        uses: `./${ACTION_DIR}`,
        with: {
          mode: 'aggregate',
          plan: PLAN,
          select: '${{ inputs.tasks }}',
          sources: '${{ needs.plan.outputs.sources }}',
          'plan-origin': '${{ inputs.plan-origin }}',
        },
      },
      {
        name: 'Upload the report',
        if: '${{ !cancelled() }}',
        uses: uses(ACTIONS.uploadArtifact),
        with: { name: 'final-output', path: REPORT, 'include-hidden-files': true, overwrite: true },
      },
    ],
  };

  const input = (description: string, type: string, extra: YamlMap = {}): YamlMap => ({
    description,
    required: false,
    type,
    ...extra,
  });
  const document: YamlMap = {
    name: 'orchestrate',
    on: {
      workflow_call: {
        inputs: {
          plan: {
            description:
              'The plan file, relative to the repository root (with plan-artifact: its path inside the artifact)',
            required: true,
            type: 'string',
          },
          'orchestrator-ref': {
            description:
              'The full 40-hex commit SHA of this repository that you call the workflow at (the ref after @ in uses:): every job runs the action at that commit',
            required: true,
            type: 'string',
          },
          'plan-artifact': input(
            'An artifact of this run holding the plan (e.g. written by a decompose job), downloaded into .orchestrator/plan-artifact/ of each job; empty: the plan is in the repository',
            'string',
            { default: '' },
          ),
          'plan-sha256': input(
            'The sha256 the plan file must have (e.g. the one a maintainer reviewed); empty: not checked',
            'string',
            { default: '' },
          ),
          ref: input(
            'The commit of your repository every job checks out (e.g. the pull request head a maintainer approved the plan for); empty: the commit of the event',
            'string',
            { default: '' },
          ),
          'plan-origin': input(
            '`decompose` for a plan an agent or the checklist decomposer wrote (no redirecting env, no custom agents); `repository` for a committed one',
            'string',
            { default: 'repository' },
          ),
          tasks: input(
            'Run only these tasks and what they depend on (ids separated by spaces); empty: all',
            'string',
            {
              default: '',
            },
          ),
          'runs-on': input('The runner of the wave jobs', 'string', { default: 'ubuntu-latest' }),
          concurrency: input(
            'Tasks at a time in a leg that runs several (default: the runner CPUs)',
            'string',
            {
              default: '',
            },
          ),
          'max-parallel': input('Legs of one wave at a time', 'number', { default: 20 }),
          'timeout-minutes': input('The time limit of each leg, in minutes', 'number', { default: 120 }),
        },
        secrets: Object.fromEntries(
          Object.values(AGENT_CLIS).map((cli) => [
            cli.secret,
            { description: `For the ${cli.label}, when the plan uses it`, required: false },
          ]),
        ),
        outputs: {
          status: { description: 'success or failure', value: '${{ jobs.aggregate.outputs.status }}' },
          counts: {
            description: 'The tasks by status, as JSON',
            value: '${{ jobs.aggregate.outputs.counts }}',
          },
          cost: {
            description: 'What the agents reported, in US dollars',
            value: '${{ jobs.aggregate.outputs.cost }}',
          },
          sources: {
            description:
              'Which task ids each multi-task artifact holds (the `sources` input of an aggregate step of yours)',
            value: '${{ jobs.plan.outputs.sources }}',
          },
        },
      },
    },
    // Nothing by default; each job asks for contents: read and no more, which any caller can grant.
    permissions: {},
    defaults: { run: { shell: 'bash' } },
    jobs: new Spaced(jobs),
  };
  return emitYaml(
    [
      'The reusable workflow: run a plan decided at run time, one level of tasks per wave.',
      'Generated by src/github/reusable.ts; a test checks this file against it (UPDATE_GOLDEN=1 rewrites it).',
      `Plans deeper than ${WAVES} levels are refused by the plan job: compile those with \`orchestrator generate\`.`,
      '',
      'Use it from a workflow of yours, pinned to a full commit SHA of a release (a tag can move), the same SHA',
      'given as orchestrator-ref (every job runs the action at it), and only the agent keys your plans use:',
      '  jobs:',
      '    run:',
      '      permissions:',
      '        contents: read',
      `      uses: ${ORCHESTRATOR_REPOSITORY}/.github/workflows/orchestrate.yml@<commit SHA> # v1.x.y`,
      '      with:',
      '        plan: plans/release.yml',
      '        orchestrator-ref: <the same commit SHA>',
      '      secrets:',
      '        ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}',
      'Never `secrets: inherit`: it hands every secret of your repository to a workflow that needs only these.',
    ],
    document,
  );
}
