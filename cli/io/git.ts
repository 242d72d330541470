/**
 * The git adapter: the content files as they are at a ref, read from the object database with
 * `git ls-tree` and one `git cat-file --batch`. Never touches the working tree or the index.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import type { ContentFile } from '#lib/validate.ts';
import { InternalError, UsageError } from '../util.ts';
import { CONTENT_DIR } from './content-fs.ts';

interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

function git(cwd: string, args: string[], input?: string): GitResult {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new InternalError(code === 'ENOENT' ? 'git is not installed (or not on the PATH)' : `could not run git: ${r.error.message}`);
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}

/** The top of the work tree that holds `root`. */
export function gitTopLevel(root: string): string {
  const r = git(root, ['rev-parse', '--show-toplevel']);
  if (r.status !== 0) throw new UsageError(`not a git repository: ${root} (diff reads the base from git history)`);
  return r.stdout.toString('utf8').trim();
}

/** The full commit id `ref` names, or an error that says the ref was not found. */
export function resolveCommit(root: string, ref: string): string {
  if (ref.startsWith('-')) throw new UsageError(`git ref '${ref}' not found`);
  const r = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (r.status !== 0) {
    const hint = /^origin\//.test(ref) ? ' (in CI, check out with fetch-depth: 0 so the base branch is there)' : '';
    throw new UsageError(`git ref '${ref}' not found${hint}`);
  }
  return r.stdout.toString('utf8').trim();
}

/**
 * Every file under `<root>/src/content` at `commit`, with paths relative to `root` (as the
 * working-tree reader gives them), dotfiles skipped, sorted. `root` may sit below the top level.
 */
export function readContentFilesAt(root: string, commit: string): ContentFile[] {
  const top = gitTopLevel(root);
  const prefix = relative(top, resolve(root)).split(sep).filter(Boolean).join('/');
  const dir = prefix ? `${prefix}/${CONTENT_DIR}` : CONTENT_DIR;
  const ls = git(top, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', dir]);
  if (ls.status !== 0) throw new InternalError(`git ls-tree failed for ${commit}: ${ls.stderr}`);
  const blobs: { sha: string; path: string }[] = [];
  for (const rec of ls.stdout.toString('utf8').split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, sha] = rec.slice(0, tab).split(' ') as [string, string, string];
    const path = rec.slice(tab + 1);
    if (type !== 'blob' || mode === '120000') continue; // symlinks and submodules are not content
    const rel = path.slice(dir.length + 1);
    if (rel.split('/').some((seg) => seg.startsWith('.'))) continue;
    blobs.push({ sha, path: prefix ? path.slice(prefix.length + 1) : path });
  }
  if (!blobs.length) return [];
  const cat = git(top, ['cat-file', '--batch'], blobs.map((b) => b.sha).join('\n') + '\n');
  if (cat.status !== 0) throw new InternalError(`git cat-file failed: ${cat.stderr}`);
  const out: ContentFile[] = [];
  let offset = 0;
  for (const b of blobs) {
    const nl = cat.stdout.indexOf(0x0a, offset);
    const header = cat.stdout.subarray(offset, nl).toString('utf8');
    const [, type, size] = header.split(' ');
    if (type !== 'blob') throw new InternalError(`git cat-file: unexpected answer "${header}" for ${b.path}`);
    const start = nl + 1;
    const end = start + Number(size);
    out.push({ path: b.path, text: cat.stdout.subarray(start, end).toString('utf8') });
    offset = end + 1;
  }
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
