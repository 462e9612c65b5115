// Importing the downloaded artifacts: a job's artifact speaks only for its own tasks (src/runner/downloads.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeTampering,
  importDownloads,
  parseSources,
  type Tampering,
} from '../../src/runner/downloads.js';
import { listFiles, tempDir } from '../support/cli.js';
import { load } from '../support/plans.js';

let root: string;
beforeEach(() => {
  root = tempDir();
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const plan = load(`version: 1
tasks:
  - {id: T-01, run: a}
  - {id: T-02, run: b}
  - {id: T-03, run: c}
  - {id: T-04, run: d}
`);

/** `downloads/<artifact>/<rel>` with `content`. */
function put(artifact: string, rel: string, content = 'x'): void {
  const file = path.join(root, 'downloads', artifact, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function status(id: string): string {
  return JSON.stringify({ id, status: 'done', attempts: 1 });
}

const lines = (t: readonly Tampering[]): string[] => t.map(describeTampering);

describe('importDownloads', () => {
  it("imports from task-<id> only <id>/, and refuses another task's folder forged into it", () => {
    put('task-T-01', 'T-01/status.json', status('T-01'));
    put('task-T-01', 'T-01/sub/file.txt');
    // What a leftover process of T-01 wrote into its job's staged artifact before the upload.
    put('task-T-01', 'T-02/status.json', status('T-02'));
    put('task-T-01', 'T-03/status.json', status('T-03'));
    put('task-T-02', 'T-02/status.json', '{"id":"T-02","status":"failed"}');
    const r = importDownloads(plan, root);
    expect(r.imported).toEqual(['T-01', 'T-02']);
    expect(lines(r.tampering)).toEqual([
      'artifact task-T-01: T-02/: a folder for task T-02 in an artifact that speaks for T-01 alone: not imported',
      'artifact task-T-01: T-03/: a folder for task T-03 in an artifact that speaks for T-01 alone: not imported',
    ]);
    expect(listFiles(path.join(root, 'outputs'))).toEqual([
      'T-01/status.json',
      'T-01/sub/file.txt',
      'T-02/status.json',
    ]);
    // The genuine T-02 is the one read, not the forged "done".
    expect(fs.readFileSync(path.join(root, 'outputs/T-02/status.json'), 'utf8')).toContain('failed');
    expect(fs.existsSync(path.join(root, 'outputs/T-03'))).toBe(false);
  });

  it('imports from tasks-<job> only the ids `sources` gives it', () => {
    put('tasks-build', 'T-01/result.md');
    put('tasks-build', 'T-02/result.md');
    put('tasks-build', 'T-04/result.md');
    put('tasks-other', 'T-03/result.md');
    const r = importDownloads(plan, root, parseSources('tasks-build=T-01,T-02'));
    expect(r.imported).toEqual(['T-01', 'T-02']);
    expect(lines(r.tampering)).toEqual([
      'artifact tasks-build: T-04/: a folder for task T-04 in an artifact that speaks for T-01, T-02 alone: not imported',
      'artifact tasks-other: T-03/: a folder for task T-03 in an artifact the `sources` input does not name: not imported',
    ]);
  });

  it('refuses links anywhere, loose files, folders of tasks the plan lacks, and an artifact that is a link', () => {
    put('task-T-01', 'T-01/result.md');
    fs.symlinkSync('/etc/hostname', path.join(root, 'downloads/task-T-01/T-01/environ'));
    fs.symlinkSync('/etc', path.join(root, 'downloads/task-T-01/T-01/etc'));
    put('task-T-01', 'README');
    put('task-T-09', 'T-09/result.md');
    fs.mkdirSync(path.join(root, 'elsewhere/T-02'), { recursive: true });
    fs.writeFileSync(path.join(root, 'elsewhere/T-02/status.json'), status('T-02'));
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'downloads/task-T-02'));
    fs.symlinkSync(path.join(root, 'elsewhere/T-02'), path.join(root, 'downloads/task-T-01/T-03'));
    const r = importDownloads(plan, root);
    expect(r.imported).toEqual(['T-01']);
    expect(lines(r.tampering)).toEqual([
      'artifact task-T-01: README: a file outside any task folder: not imported',
      'artifact task-T-01: T-03: a symbolic link: links are never imported',
      'artifact task-T-02: the artifact folder is a symbolic link: nothing imported from it',
      'artifact task-T-09: T-09/: a folder for a task the plan does not have: not imported',
      'artifact task-T-01: T-01/environ: a symbolic link (links are never copied: the upload would follow them): not imported',
      'artifact task-T-01: T-01/etc: a symbolic link (links are never copied: the upload would follow them): not imported',
    ]);
    expect(listFiles(path.join(root, 'outputs'))).toEqual(['T-01/result.md']);
    expect(fs.readdirSync(path.join(root, 'outputs/T-01'))).toEqual(['result.md']);
  });

  it('imports no copy of an id that two artifacts claim', () => {
    put('task-T-02', 'T-02/status.json', status('T-02'));
    put('tasks-pack', 'T-02/status.json', status('T-02'));
    put('tasks-pack', 'T-03/status.json', status('T-03'));
    const r = importDownloads(plan, root, parseSources('tasks-pack=T-02,T-03'));
    expect(r.imported).toEqual(['T-03']);
    expect(lines(r.tampering)).toEqual([
      'artifact task-T-02: T-02/: task T-02 is also in tasks-pack: no copy imported',
      'artifact tasks-pack: T-02/: task T-02 is also in task-T-02: no copy imported',
    ]);
  });

  it('rebuilds outputs/ from the downloads alone; without downloads/ it leaves outputs/ as it is', () => {
    fs.mkdirSync(path.join(root, 'outputs/T-04'), { recursive: true });
    fs.writeFileSync(path.join(root, 'outputs/T-04/status.json'), status('T-04'));
    expect(importDownloads(plan, root)).toEqual({ imported: [], tampering: [] });
    expect(listFiles(path.join(root, 'outputs'))).toEqual(['T-04/status.json']);
    // A checkout carrying a committed .orchestrator/outputs/ speaks for nobody once artifacts are downloaded.
    put('task-T-01', 'T-01/result.md');
    expect(importDownloads(plan, root).imported).toEqual(['T-01']);
    expect(listFiles(path.join(root, 'outputs'))).toEqual(['T-01/result.md']);
  });
});

describe('parseSources', () => {
  it('reads whitespace-separated <artifact>=<id>,<id> entries', () => {
    expect([...parseSources(' tasks-a=T-01,T-02\n tasks-b=T-03 task-T-04=T-04 ')]).toEqual([
      ['tasks-a', ['T-01', 'T-02']],
      ['tasks-b', ['T-03']],
      ['task-T-04', ['T-04']],
    ]);
    expect(parseSources('').size).toBe(0);
  });

  it('names the entry and what is wrong', () => {
    expect(() => parseSources('tasks-a')).toThrow(
      'sources entry "tasks-a": expected <artifact>=<id>,<id>,...',
    );
    expect(() => parseSources('tasks-a=')).toThrow('sources entry "tasks-a=": no task id after "="');
    expect(() => parseSources('../x=T-01')).toThrow('"../x" is not an artifact name');
    expect(() => parseSources('tasks-a=T-01,no/pe')).toThrow('"no/pe" is not a task id');
    expect(() => parseSources('tasks-a=T-01 tasks-a=T-02')).toThrow('artifact tasks-a is given twice');
    expect(() => parseSources('tasks-a=T-01 tasks-b=T-01')).toThrow(
      'task T-01 is given to both tasks-a and tasks-b',
    );
    expect(() => parseSources('task-T-01=T-02')).toThrow('artifact task-T-01 speaks for task T-01 alone');
  });
});
