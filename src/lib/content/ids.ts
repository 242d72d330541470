/**
 * Entry ids come from file paths. One id function (used by Astro's glob loader and by the CLI),
 * one rule for which paths may become ids, and the glob that picks exactly those up for Astro.
 */
import { ID_PATTERN } from '../../schemas/common.ts';

/**
 * The id of a content file: its path relative to the collection folder, without the extension,
 * with forward slashes. `claims/azure/account-ingress.yaml` -> `azure/account-ingress`.
 * (`check` refuses upper-case names, see {@link fileNameProblem}; the id is lower-cased anyway.)
 */
export function entryId(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/\.(ya?ml|md|mdx)$/i, '')
    .toLowerCase();
}

/**
 * Folder levels of each collection's ids: claims are `<cloud>/<id>`, measurements
 * `<cloud>/<claim>/<session>` (beside the claim they prove), every other collection is flat.
 */
export const ID_DEPTH: Readonly<Record<string, number>> = { claims: 2, measurements: 3 };
const LAYOUT: Readonly<Record<number, string>> = { 1: '<id>', 2: '<cloud>/<id>', 3: '<cloud>/<claim>/<session>' };
export const idDepth = (collection: string): number => ID_DEPTH[collection] ?? 1;

/** Where a collection's files live, in words: `claims/<cloud>/<id>.yaml`, `plays/<id>.md`. */
function layout(dir: string, ext: string): string {
  return `${dir}/${LAYOUT[idDepth(dir)] ?? '<id>'}${ext}`;
}

/**
 * The glob (relative to the collection folder) for Astro's loader: exactly the depth and the
 * lower-case extensions `check` accepts, so nothing reaches the site that `check` did not read.
 * Dotfiles are skipped by both (tinyglobby's default, and the CLI's walker).
 */
export function entryGlob(collection: { dir: string; kind: 'data' | 'prose' }): string {
  const ext = collection.kind === 'data' ? '{yaml,yml}' : 'md';
  return `${'*/'.repeat(idDepth(collection.dir) - 1)}*.${ext}`;
}

export interface FileNameProblem {
  message: string;
  expected: string;
  found: string;
  hint: string;
}

/** A suggested id segment: lower-case, runs of other characters turned into single dashes. */
function slug(segment: string): string {
  return segment.toLowerCase().replace(/[^a-z0-9_]+/g, '-').replace(/^[-_]+|[-_]+$/g, '') || 'name';
}

/**
 * Why a file at `rel` (relative to its collection folder, e.g. `azure/ingress.yaml`) cannot be an
 * entry, or undefined when it can: the extension must be lower-case, the folder depth must match
 * the collection's layout (no subfolders in flat collections), and every segment must follow the
 * id rule (lower-case letters and digits, single dashes or underscores between them: no spaces,
 * `#`, `?`, `%`, dots or upper case, which would break URLs or differ between file systems).
 */
export function fileNameProblem(collection: { dir: string; kind: 'data' | 'prose' }, rel: string): FileNameProblem | undefined {
  const dot = rel.lastIndexOf('.');
  const ext = rel.slice(dot);
  const segments = rel.slice(0, dot).split('/');
  const depth = idDepth(collection.dir);
  const wantExt = ext.toLowerCase() === '.yml' ? '.yml' : collection.kind === 'data' ? '.yaml' : '.md';
  const name = slug(segments.at(-1)!);
  const placeholders = (LAYOUT[depth] ?? '<id>').split('/');
  const fixed = placeholders.map((ph, i) => {
    const seg = segments[segments.length - depth + i];
    return i === depth - 1 ? name : seg !== undefined && segments.length >= depth ? slug(seg) : ph;
  });
  const expected = `src/content/${collection.dir}/${fixed.join('/')}${wantExt}`;
  const found = `src/content/${collection.dir}/${rel}`;
  const rename = `Rename the file to ${expected}.`;
  if (segments.length !== depth) {
    const what = depth === 1
      ? `${collection.dir}/ is a flat collection: its files sit directly in src/content/${collection.dir}/, not in a subfolder`
      : depth === 2 ? `a file in ${collection.dir}/ sits in exactly one folder, named after its cloud` : `a file in ${collection.dir}/ sits at ${layout(collection.dir, wantExt)}`;
    return { message: what, expected: layout(collection.dir, wantExt), found, hint: depth === 1 ? `Move it to ${expected}.` : `Move it to src/content/${layout(collection.dir, wantExt)}.` };
  }
  if (ext !== ext.toLowerCase()) {
    return { message: `the extension ${ext} must be lower-case`, expected, found, hint: rename };
  }
  const bad = segments.find((seg) => !ID_PATTERN.test(seg) || seg.includes('/'));
  if (bad !== undefined) {
    return {
      message: `"${bad}" cannot be part of an id: ids are lower-case letters and digits with single dashes or underscores between them`,
      expected, found, hint: rename,
    };
  }
  return undefined;
}
