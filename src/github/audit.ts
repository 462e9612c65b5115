/**
 * The security audit of a GitHub workflow, by the design rule of docs/security.md: a job that runs an agent or
 * code from a plan holds read access and the one API key its tasks need, and nothing after it holds a token;
 * every write happens in a job that runs no agent. It checks the workflows the compiler generates, the reusable
 * workflow and the examples (`orchestrator audit`, and in the tests beside actionlint). Pure: text in, findings
 * out, each with the line and column, the job and step, and what to do.
 *
 * `shipped` is for what a release ships (the reusable workflow, the examples): there a first-party action must be
 * pinned by commit too, since a caller who pins the file by SHA would still run whatever a tag points to today.
 */
import type { Node } from 'yaml';
import { AGENT_CLIS } from './pins.js';
import {
  expressionsOf,
  parseWorkflowText,
  readsGithubToken,
  secretsRead,
  WorkflowReader,
  type ParsedWorkflow,
  type Position,
} from './audit-yaml.js';

export { parseWorkflowText, WorkflowSyntaxError, type ParsedWorkflow } from './audit-yaml.js';

export const AUDIT_RULES = [
  'agent-job-write',
  'unused-secret',
  'token-after-task',
  'secrets-inherit',
  'mutable-first-party-ref',
  'unpinned-action',
  'top-permissions',
  'persist-credentials',
  'merge-multiple',
  'pull-request-target',
] as const;
export type AuditRule = (typeof AUDIT_RULES)[number];

export interface AuditFinding extends Position {
  rule: AuditRule;
  message: string;
}

export interface AuditOptions {
  /** What a release ships: first-party `uses:` must be pinned by commit too. */
  shipped?: boolean;
  /** The repositories whose actions are this project's (default `org/orchestrator`). */
  firstParty?: readonly string[];
}

export const FIRST_PARTY = ['org/orchestrator'] as const;

/** The agent API keys, by the agent that needs each (pins.ts). */
const AGENT_KEYS: ReadonlyMap<string, string> = new Map(
  Object.entries(AGENT_CLIS).map(([agent, cli]) => [cli.secret, agent]),
);
/** The variables an agent's key reaches its CLI by (a secret's own name, or the CLI's: CODEX_API_KEY). */
const AGENT_KEY_ENV: ReadonlySet<string> = new Set(
  Object.values(AGENT_CLIS).flatMap((cli) => [cli.secret, ...cli.keyEnv]),
);
const FULL_SHA = /^[0-9a-f]{40}$/;
const NODE_ACTION_LOCAL = new Set(['./', '.', './.orchestrator/action', './.orchestrator/action/']);
const TASK_ACTION_LOCAL = new Set(['./task', './.orchestrator/action/task']);
// The node action's modes that run an agent or the plan's code (`plan` and `aggregate` only read the plan).
const AGENT_MODES = new Set(['task', 'decompose']);

export function auditWorkflow(source: string | ParsedWorkflow, options: AuditOptions = {}): AuditFinding[] {
  const parsed = typeof source === 'string' ? parseWorkflowText(source) : source;
  const audit = new Audit(new WorkflowReader(parsed), options);
  audit.run();
  return audit.findings.sort((a, b) => a.line - b.line || a.column - b.column || cmp(a.rule, b.rule));
}

/** `file:line:col: message [rule]`, as every checker of the project prints a finding. */
export function formatAuditFinding(file: string, f: AuditFinding): string {
  return `${file}:${f.line}:${f.column}: ${f.message} [${f.rule}]`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Step {
  node: Node;
  label: string;
  uses: string | undefined;
  usesNode: Node | undefined;
}

/** Why a step runs an agent or the plan's code, when it does. */
interface AgentStep extends Step {
  /** The agents whose keys the step needs, when its input says so statically; undefined when it cannot be told. */
  agents: ReadonlySet<string> | undefined;
  isTask: boolean;
}

class Audit {
  readonly findings: AuditFinding[] = [];
  private readonly seen = new Set<string>();
  private readonly firstParty: readonly string[];

  constructor(
    private readonly r: WorkflowReader,
    private readonly options: AuditOptions,
  ) {
    this.firstParty = options.firstParty ?? FIRST_PARTY;
  }

  run(): void {
    const root = this.r.root;
    this.triggers(root);
    const top = this.r.entry(root, 'permissions');
    const jobs = this.r.entry(root, 'jobs');
    if (top === undefined) {
      this.add('top-permissions', this.r.position(jobs?.keyNode), [
        'the workflow has no top-level `permissions:`, so every job without its own starts from the',
        "repository's default token: add `permissions: {}` and give each job only what it needs",
      ]);
    }
    const topWrites = top === undefined ? 'the default token' : this.writeOf(top.value);
    for (const job of this.r.entries(jobs?.value)) this.job(job.key, job.keyNode, job.value, topWrites);
  }

  private triggers(root: Node): void {
    const on = this.r.entry(root, 'on');
    if (on === undefined) return;
    const names: { name: string; node: Node }[] = [];
    const text = this.r.text(on.value);
    if (text !== undefined) names.push({ name: text, node: on.value! });
    for (const item of this.r.items(on.value)) names.push({ name: this.r.text(item) ?? '', node: item });
    for (const e of this.r.entries(on.value)) names.push({ name: e.key, node: e.keyNode });
    for (const { name, node } of names) {
      if (name !== 'pull_request_target' && name !== 'workflow_run') continue;
      this.add('pull-request-target', this.r.position(node), [
        `the workflow runs on \`${name}\`, which gives a run the repository's secrets and a write token while`,
        'what it acts on comes from someone else (a fork, another run): trigger on `pull_request` and do the',
        'writes in a separate job of a workflow that runs no code of the change',
      ]);
    }
  }

  private job(id: string, keyNode: Node, job: Node | undefined, topWrites: string | undefined): void {
    const permissions = this.r.entry(job, 'permissions');
    const writes = permissions === undefined ? topWrites : this.writeOf(permissions.value);
    const writeNode = permissions === undefined ? keyNode : this.writeNode(permissions);
    const name = `job "${id}"`;
    this.secretsInherit(name, job);
    const called = this.r.entry(job, 'uses');
    if (called !== undefined) {
      this.calledWorkflow(name, job, called, writes, writeNode);
      return;
    }
    const steps = this.r.items(this.r.get(job, 'steps')).map((node, i) => this.step(node, i));
    const agentSteps = this.agentSteps(job, steps);
    for (const step of steps) this.stepRules(name, step);
    const first = agentSteps[0];
    if (first === undefined) return;
    if (writes !== undefined) {
      this.add('agent-job-write', this.r.position(writeNode), [
        `${name} runs an agent or the plan's code (${first.label}, line ${this.r.position(first.node).line}) and`,
        `holds ${writes}: a prompt-injected agent holds it too. Give the job \`permissions: { contents: read }\``,
        'and do every write in a job that runs no agent (as the cancel-<job> jobs do)',
      ]);
    }
    this.jobSecrets(name, job, steps, agentSteps);
    this.tokensAfter(name, steps.slice(steps.findIndex((s) => s.node === first.node) + 1));
  }

  /** A job that calls a reusable workflow: the caller's permissions cap it, the secrets it passes reach it. */
  private calledWorkflow(
    name: string,
    job: Node | undefined,
    called: { keyNode: Node; value: Node | undefined },
    writes: string | undefined,
    writeNode: Node,
  ): void {
    const uses = this.r.text(called.value) ?? '';
    this.pinning(name, uses, called.value ?? called.keyNode);
    const passed = this.r.get(job, 'secrets');
    const keys = this.secretRefs(passed).filter((ref) => AGENT_KEYS.has(ref.name));
    const runsAgents = keys.length > 0 || /\/\.github\/workflows\/orchestrate\.ya?ml@/.test(uses);
    if (!runsAgents) return;
    if (writes !== undefined) {
      this.add('agent-job-write', this.r.position(writeNode), [
        `${name} calls ${uses}, which runs agents, and holds ${writes}: the called jobs can hold it too. Give the`,
        'job `permissions: { contents: read }`',
      ]);
    }
    for (const ref of this.secretRefs(passed)) {
      if (AGENT_KEYS.has(ref.name)) continue;
      this.add('unused-secret', ref.position, [
        `${name} passes secrets.${ref.name} to a workflow that runs agents: pass only the agents' API keys`,
      ]);
    }
    for (const ref of this.secretRefs(this.r.get(job, 'with'))) {
      this.add('unused-secret', ref.position, [
        `${name} passes secrets.${ref.name} as an input of a workflow that runs agents: an input is no secret`,
        '(it is not masked); pass API keys under `secrets:`, and nothing else',
      ]);
    }
  }

  private step(node: Node, index: number): Step {
    const usesEntry = this.r.entry(node, 'uses');
    const uses = this.r.text(usesEntry?.value);
    const name = this.r.text(this.r.get(node, 'name')) ?? this.r.text(this.r.get(node, 'id'));
    const label =
      name !== undefined ? `step "${name}"` : `step ${index + 1}${uses !== undefined ? ` (${uses})` : ''}`;
    return { node, label, uses, usesNode: usesEntry?.value };
  }

  private agentSteps(job: Node | undefined, steps: Step[]): AgentStep[] {
    const found = steps.map((s) => this.agentStep(s)).filter((s): s is AgentStep => s !== undefined);
    if (found.length > 0) return found;
    // An agent key in the job's env: every `run:` step holds it, so each may run the agent.
    const env = this.r.entries(this.r.get(job, 'env'));
    if (!env.some((e) => AGENT_KEY_ENV.has(e.key))) return [];
    return steps
      .filter((s) => this.r.get(s.node, 'run') !== undefined)
      .map((s) => ({ ...s, isTask: false, agents: undefined }));
  }

  private agentStep(step: Step): AgentStep | undefined {
    const uses = step.uses;
    if (uses !== undefined && this.isTaskAction(uses)) {
      const agents = this.r.text(this.r.get(this.r.get(step.node, 'with'), 'agents')) ?? '';
      return { ...step, isTask: true, agents: agents.includes('${{') ? undefined : words(agents) };
    }
    if (uses !== undefined && this.isNodeAction(uses)) {
      const inputs = this.r.get(step.node, 'with');
      const mode = this.r.text(this.r.get(inputs, 'mode')) ?? 'plan';
      if (mode.includes('${{')) return { ...step, isTask: false, agents: undefined };
      if (!AGENT_MODES.has(mode)) return undefined;
      const agent = this.r.text(this.r.get(inputs, 'agent')) ?? 'auto';
      const agents = mode !== 'decompose' || agent.includes('${{') ? undefined : decomposers(agent);
      return { ...step, isTask: mode === 'task', agents };
    }
    if (/\b(?:orchestrator|cli\.js)\s+(?:run|task)\b/.test(this.r.text(this.r.get(step.node, 'run')) ?? '')) {
      return { ...step, isTask: true, agents: undefined };
    }
    const env = this.r.entries(this.r.get(step.node, 'env'));
    if (env.some((e) => AGENT_KEY_ENV.has(e.key))) return { ...step, isTask: false, agents: undefined };
    return undefined;
  }

  private isTaskAction(uses: string): boolean {
    if (TASK_ACTION_LOCAL.has(uses.replace(/\/$/, ''))) return true;
    return this.firstParty.some((repo) => uses.startsWith(`${repo}/task@`));
  }

  private isNodeAction(uses: string): boolean {
    return NODE_ACTION_LOCAL.has(uses) || this.firstParty.some((repo) => uses.startsWith(`${repo}@`));
  }

  /** The rules about one step, agent or not: pinning, checkout credentials, artifact merging. */
  private stepRules(job: string, step: Step): void {
    if (step.uses === undefined || step.usesNode === undefined) return;
    this.pinning(`${job}, ${step.label}`, step.uses, step.usesNode);
    const inputs = this.r.get(step.node, 'with');
    const action = step.uses.split('@')[0]!.toLowerCase();
    if (action === 'actions/checkout') {
      const persist = this.r.entry(inputs, 'persist-credentials');
      if (this.r.text(persist?.value) !== 'false') {
        const at = persist?.value ?? step.usesNode;
        this.add('persist-credentials', this.r.position(at), [
          `${job}, ${step.label}: actions/checkout leaves the job's token in .git/config for every later step`,
          '(and any process they start): add `persist-credentials: false` under `with:`',
        ]);
      }
      this.firstPartyCheckout(job, step, inputs);
    }
    if (action === 'actions/download-artifact') {
      const merge = this.r.get(inputs, 'merge-multiple');
      if (merge !== undefined && this.r.text(merge) === 'true') {
        this.add('merge-multiple', this.r.position(merge), [
          `${job}, ${step.label}: \`merge-multiple: true\` extracts every artifact into one folder, so one`,
          "artifact can overwrite another's files: drop it, and read each artifact from its own folder",
        ]);
      }
    }
  }

  /** unpinned-action, and mutable-first-party-ref for what a release ships. */
  private pinning(where: string, uses: string, node: Node): void {
    if (uses.startsWith('./') || uses === '.') return;
    if (uses.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(uses)) {
        this.add('unpinned-action', this.r.position(node), [
          `${where}: the image ${uses} can change under the same name: pin it by digest (docker://image@sha256:...)`,
        ]);
      }
      return;
    }
    const at = uses.lastIndexOf('@');
    const [target, ref] = at < 0 ? [uses, ''] : [uses.slice(0, at), uses.slice(at + 1)];
    if (FULL_SHA.test(ref)) return;
    if (this.isFirstParty(target)) {
      if (this.options.shipped !== true) return;
      this.add('mutable-first-party-ref', this.r.position(node), [
        `${where}: ${uses} runs whatever \`${ref || '(no ref)'}\` points to when the job starts, even for a caller`,
        'who pinned this file by commit: use the full 40-hex commit SHA of the release',
      ]);
      return;
    }
    this.add('unpinned-action', this.r.position(node), [
      `${where}: ${uses} is not pinned to a commit, and a tag or branch can be moved to other code: use the`,
      'full 40-hex commit SHA of the release, with the version in a comment (`@<sha> # v1.2.3`)',
    ]);
  }

  /** A checkout of the orchestrator itself (to run its action from a folder) is a first-party ref too. */
  private firstPartyCheckout(job: string, step: Step, inputs: Node | undefined): void {
    if (this.options.shipped !== true) return;
    const repository = this.r.text(this.r.get(inputs, 'repository'));
    if (repository === undefined || !this.isFirstParty(repository)) return;
    const ref = this.r.entry(inputs, 'ref');
    const value = this.r.text(ref?.value) ?? '';
    // An expression is checked where it comes from (the reusable workflow refuses an orchestrator-ref not a SHA).
    if (FULL_SHA.test(value) || value.includes('${{')) return;
    const at = ref?.value ?? step.usesNode ?? step.node;
    this.add('mutable-first-party-ref', this.r.position(at), [
      `${job}, ${step.label} checks out ${repository} at ${value === '' ? 'its default branch' : `\`${value}\``},`,
      'which can move: give `ref:` the full 40-hex commit SHA of the release',
    ]);
  }

  private isFirstParty(target: string): boolean {
    const lower = target.toLowerCase();
    return this.firstParty.some(
      (repo) => lower === repo.toLowerCase() || lower.startsWith(`${repo.toLowerCase()}/`),
    );
  }

  private secretsInherit(job: string, node: Node | undefined): void {
    const secrets = this.r.get(node, 'secrets');
    if (secrets === undefined || this.r.text(secrets) !== 'inherit') return;
    this.add('secrets-inherit', this.r.position(secrets), [
      `${job}: \`secrets: inherit\` hands every secret of the repository to the called workflow: name the`,
      'secrets it needs (`secrets: { ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }} }`)',
    ]);
  }

  /**
   * unused-secret in a job that runs an agent: a secret read outside the agent's step is in the job for no agent;
   * in the agent's step, anything but the keys of the agents it runs is one it does not need.
   */
  private jobSecrets(job: string, node: Node | undefined, steps: Step[], agentSteps: AgentStep[]): void {
    const inAgentSteps = new Set<Node>(agentSteps.map((s) => s.node));
    for (const e of this.r.entries(node)) {
      if (e.key === 'steps') continue;
      for (const ref of this.secretRefs(e.value)) {
        if (ref.name === 'GITHUB_TOKEN') continue;
        this.add('unused-secret', ref.position, [
          `${job} runs an agent and reads secrets.${ref.name} in its \`${e.key}:\`, where every step (the`,
          "agent's included) holds it: give it to the one step that needs it, or to a job that runs no agent",
        ]);
      }
    }
    for (const step of steps) {
      if (inAgentSteps.has(step.node)) continue;
      for (const ref of this.secretRefs(step.node)) {
        if (ref.name === 'GITHUB_TOKEN') continue;
        this.add('unused-secret', ref.position, [
          `${job}, ${step.label} reads secrets.${ref.name} in a job that runs an agent, which can read what`,
          'any step of its job leaves behind: move it to a job that runs no agent',
        ]);
      }
    }
    for (const step of agentSteps) this.agentStepSecrets(job, step);
  }

  private agentStepSecrets(job: string, step: AgentStep): void {
    for (const ref of this.secretRefs(step.node)) {
      const agent = AGENT_KEYS.get(ref.name);
      if (agent === undefined) {
        this.add('unused-secret', ref.position, [
          `${job}, ${step.label} runs an agent with secrets.${ref.name}, which is no agent's API key: the agent`,
          'can read it; give the step only the keys of the agents it runs',
        ]);
      } else if (step.agents !== undefined && !step.agents.has(agent)) {
        const listed = [...step.agents].join(' ') || 'none';
        this.add('unused-secret', ref.position, [
          `${job}, ${step.label} gets secrets.${ref.name}, the ${agent} key, but runs ${step.isTask ? 'the agents' : 'agent'}`,
          `\`${listed}\`: drop it, or add ${agent} to \`${step.isTask ? 'agents' : 'agent'}:\``,
        ]);
      }
    }
    for (const use of this.tokenUses(step.node)) {
      this.add('unused-secret', use.position, [
        `${job}, ${step.label} runs an agent and gets the job's token (${use.what}): the agent can use it;`,
        'post or write from a job that runs no agent',
      ]);
    }
  }

  /** token-after-task: a step after the agent's can run what the agent left (GITHUB_ENV, PATH, files). */
  private tokensAfter(job: string, after: Step[]): void {
    for (const step of after) {
      const uses = [
        ...this.tokenUses(step.node),
        ...this.secretRefs(step.node).map((ref) => ({ ...ref, what: `secrets.${ref.name}` })),
      ];
      for (const use of uses) {
        this.add('token-after-task', use.position, [
          `${job}, ${step.label} comes after the step that runs the agent and holds ${use.what}: what the agent`,
          'left behind (files, a process) can take it. Do this in a job that runs no agent',
        ]);
      }
    }
  }

  /** Where a step holds the job's token: `github.token` in a value, or a `github-token`/`token` input. */
  private tokenUses(step: Node): { node: Node; position: Position; what: string }[] {
    const out: { node: Node; position: Position; what: string }[] = [];
    for (const s of this.r.scalars(step)) {
      for (const expression of expressionsOf(s.value, s.key)) {
        const written = readsGithubToken(expression);
        if (written !== undefined)
          out.push({ node: s.node, position: this.r.positionIn(s.node, written), what: written });
      }
    }
    for (const e of this.r.entries(this.r.get(step, 'with'))) {
      if (e.key !== 'github-token' && e.key !== 'token') continue;
      if (out.some((o) => o.node === e.value)) continue;
      out.push({ node: e.keyNode, position: this.r.position(e.keyNode), what: `the \`${e.key}\` input` });
    }
    return out;
  }

  private secretRefs(node: unknown): { name: string; node: Node; position: Position }[] {
    const out: { name: string; node: Node; position: Position }[] = [];
    for (const s of this.r.scalars(node)) {
      for (const expression of expressionsOf(s.value, s.key)) {
        for (const ref of secretsRead(expression)) {
          out.push({ name: ref.name, node: s.node, position: this.r.positionIn(s.node, ref.written) });
        }
      }
    }
    return out;
  }

  /** Which write a `permissions:` value grants, in words; undefined when it grants none. */
  private writeOf(node: Node | undefined): string | undefined {
    const text = this.r.text(node);
    if (text !== undefined) return text === 'write-all' ? '`write-all`' : undefined;
    const writes = this.r.entries(node).filter((e) => this.r.text(e.value) === 'write');
    return writes.length === 0 ? undefined : writes.map((e) => `\`${e.key}: write\``).join(', ');
  }

  /** Where to point at a job's write: its first `: write` scope, else the `permissions:` key. */
  private writeNode(permissions: { keyNode: Node; value: Node | undefined }): Node {
    const write = this.r.entries(permissions.value).find((e) => this.r.text(e.value) === 'write');
    return write?.keyNode ?? permissions.keyNode;
  }

  private add(rule: AuditRule, position: Position, message: string[]): void {
    const key = `${rule}:${position.line}:${position.column}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push({ rule, message: message.join(' '), ...position });
  }
}

function words(text: string): Set<string> {
  return new Set(text.split(/[\s,]+/).filter((w) => w !== ''));
}

/** The agents mode `decompose` may run for its `agent` input (`auto`: claude unless the request is a checklist). */
function decomposers(agent: string): Set<string> {
  if (agent === 'none') return new Set();
  return new Set([agent === 'auto' ? 'claude' : agent]);
}
