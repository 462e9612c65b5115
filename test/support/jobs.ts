/**
 * Jobs "on separate machines" without a workflow: each a fresh folder holding the plan, and only the staged
 * artifact passed from one to the next, as the job contract (docs/github.md) has it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A fresh folder `name` under `root` (a job's checkout) holding the plan as plan.yml. */
export function jobFolder(root: string, name: string, plan: string): string {
  const folder = path.join(root, name);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'plan.yml'), plan);
  return folder;
}

/** What the download step does: the artifact's root (`<id>/` folders) into `.orchestrator/outputs`. */
export function downloadArtifact(from: string, to: string): void {
  fs.cpSync(path.join(from, '.orchestrator/artifact'), path.join(to, '.orchestrator/outputs'), {
    recursive: true,
  });
}
