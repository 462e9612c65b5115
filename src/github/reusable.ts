/**
 * The reusable workflow of this repository, `.github/workflows/orchestrate.yml` (DESIGN §6, "Dynamic run"): for
 * plans decided at run time, such as one an agent wrote from a pull request. A `plan` job validates the plan and
 * outputs one matrix per level; a fixed number of wave jobs run one level each; an `aggregate` job writes the
 * report. Generated from here (and checked against the committed file by a test) so the waves cannot drift apart.
 *
 * Compared with `orchestrator generate`, the cost is a barrier between levels: a task waits for its whole level's
 * predecessors, not only for its deps. Inside a wave, each leg's task mode decides from the downloaded
 * status.json files whether its tasks may run (docs/github.md), so failure policies hold across waves.
 */
import { DEFAULT_ACTION_REF } from './inputs.js';
import { ACTIONS, AGENT_CLIS, NODE_VERSION, type SetupAgent } from './pins.js';
import { ARTIFACT, OUTPUTS, REPORT, installStep, uses } from './workflow.js';
import { Spaced, emitYaml, type YamlMap, type YamlNode } from './yaml.js';

/** The wave jobs: plans with more levels are refused by the plan job, pointing to `orchestrator generate`. */
export const WAVES = 12;

const checkout = { uses: uses(ACTIONS.checkout), with: { 'persist-credentials': false } };
const downloadAll = {
  name: 'Download the earlier waves’ outputs',
  uses: uses(ACTIONS.downloadArtifact),
  // Every artifact's root holds `<id>/` folders, one artifact per task: merging overwrites nothing.
  with: { pattern: 'task*', 'merge-multiple': true, path: OUTPUTS },
};

/**
 * With `plan-artifact`, the plan is not in the repository but in an artifact of this run (e.g. one a decompose
 * job wrote from a pull request): every job downloads it into the workspace, its root at the repository's root,
 * so `plan` is the plan's path inside the artifact. The artifact's name must not start with `task`.
 */
const downloadPlan = {
  name: 'Download the plan',
  if: "${{ inputs.plan-artifact != '' }}",
  uses: uses(ACTIONS.downloadArtifact),
  with: { name: '${{ inputs.plan-artifact }}' },
};

function wave(k: number, actionRefText: string): YamlMap {
  const agents = Object.keys(AGENT_CLIS) as SetupAgent[];
  const hasAgent = (agent: SetupAgent): string =>
    `\${{ contains(fromJSON(needs.plan.outputs.agents), '${agent}') }}`;
  const steps: YamlNode[] = [
    checkout,
    downloadPlan,
    ...(k > 1 ? [downloadAll] : []),
    {
      uses: uses(ACTIONS.setupNode),
      if: `\${{ ${agents.map((a) => `contains(fromJSON(needs.plan.outputs.agents), '${a}')`).join(' || ')} }}`,
      with: { 'node-version': NODE_VERSION },
    },
    ...agents.map((agent) => {
      const { name, run } = installStep(agent);
      return { name, if: hasAgent(agent), run };
    }),
    {
      name: 'Run the tasks',
      uses: actionRefText,
      // The API keys reach the step that runs the agents and no other; empty when the caller has none.
      env: Object.fromEntries(
        agents.map((a) => [AGENT_CLIS[a].secret, `\${{ secrets.${AGENT_CLIS[a].secret} }}`]),
      ),
      with: {
        mode: 'task',
        plan: '${{ inputs.plan }}',
        task: '${{ matrix.tasks }}',
        concurrency: '${{ inputs.concurrency }}',
      },
    },
    {
      name: 'Upload the output',
      if: '${{ !cancelled() }}',
      uses: uses(ACTIONS.uploadArtifact),
      with: { name: '${{ matrix.artifact }}', path: ARTIFACT, 'include-hidden-files': true, overwrite: true },
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

export function reusableWorkflow(actionRefText = DEFAULT_ACTION_REF): string {
  const jobs = Object.create(null) as Record<string, YamlNode>;
  jobs.plan = {
    'runs-on': 'ubuntu-latest',
    'timeout-minutes': 10,
    permissions: { contents: 'read' },
    outputs: {
      levels: '${{ steps.plan.outputs.levels }}',
      matrices: '${{ steps.plan.outputs.matrices }}',
      agents: '${{ steps.plan.outputs.agents }}',
    },
    steps: [
      checkout,
      downloadPlan,
      {
        name: 'Validate the plan',
        id: 'plan',
        uses: actionRefText,
        with: { mode: 'plan', plan: '${{ inputs.plan }}', select: '${{ inputs.tasks }}', 'max-waves': WAVES },
      },
    ],
  };
  for (let k = 1; k <= WAVES; k++) jobs[`wave-${k}`] = wave(k, actionRefText);
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
      downloadPlan,
      { ...downloadAll, name: 'Download every task’s output' },
      {
        name: 'Write the report',
        id: 'aggregate',
        uses: actionRefText,
        with: { mode: 'aggregate', plan: '${{ inputs.plan }}', select: '${{ inputs.tasks }}' },
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
          'plan-artifact': input(
            'An artifact of this run holding the plan (e.g. written by a decompose job), downloaded into each job’s workspace; empty: the plan is in the repository',
            'string',
            { default: '' },
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
      'Use it from a workflow of yours:',
      '  jobs:',
      '    run:',
      `      uses: ${DEFAULT_ACTION_REF.replace(/@.*$/, '')}/.github/workflows/orchestrate.yml@v1`,
      '      with: { plan: plans/release.yml }',
      '      secrets: inherit',
    ],
    document,
  );
}
