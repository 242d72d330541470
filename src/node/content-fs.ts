/**
 * The node:fs adapter: reads the content tree as bytes, decodes them, and hands the texts to the
 * pure validator. What cannot be read as a content file (a symbolic link, a FIFO, an oversized
 * file, bytes that are not UTF-8) becomes a problem on that file; it never stops the run, so the
 * other files' problems are still reported.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml } from 'satteri';
import type { Audience } from '#schemas/common.ts';
import { sortProblems, type Problem, type ProblemCode } from '#lib/problems/problems.ts';
import { isEvidencePath } from '#lib/measure/check.ts';
import { site } from '../data/site.ts';
import { validateContent, type ContentFile, type ValidationResult } from '#lib/content/validate.ts';
import { today } from './env.ts';

export const CONTENT_DIR = 'src/content';

/** Largest content file read, in bytes (1 MiB; the largest shipped file is a few kB). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A file as found on disk: path relative to the project root (forward slashes) and its bytes. */
export interface RawContentFile {
  path: string;
  bytes: Uint8Array;
}

export interface ContentTree {
  /** Regular files small enough to read, as bytes, sorted by path. */
  raw: RawContentFile[];
  /** Entries that are not read at all (symbolic links, special files, oversized or unreadable files). */
  problems: Problem[];
}

function fileProblem(code: ProblemCode, file: string, p: Pick<Problem, 'message' | 'expected' | 'found' | 'hint'> & { line?: number; column?: number }): Problem {
  return { code, severity: 'error', file, line: p.line ?? 1, column: p.column ?? 1, field: '', message: p.message, expected: p.expected, found: p.found, hint: p.hint };
}

/**
 * Every entry under `top`, depth first in name order, dotfiles and dot-folders skipped (Astro's
 * loader skips them too), through `lstat` only, so a symbolic link is seen as a link and never
 * followed. Folders are entered after `visit` sees them; what cannot be listed or stat'ed goes to
 * `onError` (the top folder itself missing is not an error: there is no content yet).
 */
function walkContent(top: string, visit: (full: string, st: Stats) => void, onError: (full: string, err: unknown) => void): void {
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (err) {
      if (dir !== top) onError(dir, err);
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      let st: Stats;
      try {
        st = lstatSync(full);
      } catch (err) {
        onError(full, err);
        continue;
      }
      visit(full, st);
      if (st.isDirectory()) walk(full);
    }
  };
  walk(top);
}

/**
 * Every entry under `<root>/src/content`, dotfiles and dot-folders skipped (Astro's loader skips
 * them too), never following a symbolic link: a link is reported, whether it points inside the
 * tree, outside it, nowhere, or at itself. One place per file, one rule: content is plain files.
 */
export function readContentTree(root: string): ContentTree {
  const base = join(root, CONTENT_DIR);
  const raw: RawContentFile[] = [];
  const problems: Problem[] = [];
  const rel = (full: string) => relative(root, full).split(sep).join('/');
  walkContent(base, (full, st) => {
    if (st.isDirectory()) return; // walkContent goes in
    const path = rel(full);
    if (st.isSymbolicLink()) {
      let target = '?';
      try {
        target = readlinkSync(full);
      } catch { /* reported without its target */ }
      problems.push(fileProblem('symlink', path, {
        message: 'a symbolic link in the content folder is not read',
        expected: 'a plain file (or folder) inside src/content', found: `a link to ${target}`,
        hint: 'Replace the link with the file itself (copy it in), or delete the link. Content is never read through links, so nothing outside src/content can end up on a page.',
      }));
    } else if (!st.isFile()) {
      problems.push(fileProblem('unreadable-file', path, {
        message: 'this is not a regular file (a FIFO, socket or device)',
        expected: 'a plain .yaml or .md file', found: 'a special file', hint: 'Delete it from src/content.',
      }));
    } else if (st.size > MAX_FILE_BYTES) {
      problems.push(fileProblem('file-too-large', path, {
        message: `the file is ${st.size} bytes, more than the ${MAX_FILE_BYTES} bytes a content file may have`,
        expected: `at most ${MAX_FILE_BYTES} bytes`, found: `${st.size} bytes`,
        hint: 'Split it into several entries, or keep large material (data sets, logs) outside src/content and link to it.',
      }));
    } else {
      try {
        raw.push({ path, bytes: readFileSync(full) });
      } catch (err) {
        problems.push(unreadable(path, err));
      }
    }
  }, (full, err) => problems.push(unreadable(rel(full), err)));
  return { raw, problems };
}

function unreadable(path: string, err: unknown): Problem {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'an error';
  return fileProblem('unreadable-file', path, {
    message: `the file cannot be read (${code})`, expected: 'a readable plain file', found: String(code),
    hint: 'Check its permissions (it must be readable by the user running fieldkit).',
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8', { ignoreBOM: true }); // keeps byte offsets; parse drops the BOM

/**
 * Bytes to text. UTF-8 only: a UTF-8 byte-order mark is accepted (and dropped); UTF-16 (a BOM
 * FE FF or FF FE) and invalid UTF-8 are problems with the byte position. The text is still
 * returned (decoded as well as possible) so the file's other problems are reported too; the
 * problem is an error, so such a file never reaches a page.
 */
export function decodeContent(path: string, bytes: Uint8Array): { text: string; problem?: Problem } {
  const fix = 'Save the file as UTF-8 (in most editors: "Save with encoding" or the encoding in the status bar).';
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) {
    const le = bytes[0] === 0xff;
    return {
      text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes),
      problem: fileProblem('bad-encoding', path, {
        message: `the file is UTF-16 (${le ? 'little' : 'big'}-endian, byte-order mark ${le ? 'FF FE' : 'FE FF'} at byte 0)`,
        expected: 'UTF-8 text', found: `UTF-16${le ? 'LE' : 'BE'}`, hint: fix,
      }),
    };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const text = utf8Lossy.decode(bytes);
    const at = firstInvalidUtf8(bytes, text);
    const found = Array.from(bytes.subarray(at.byte, at.byte + 4), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    return {
      text,
      problem: fileProblem('bad-encoding', path, {
        line: at.line, column: at.column,
        message: `the file is not valid UTF-8: byte ${at.byte} (line ${at.line}, column ${at.column}) starts an invalid sequence`,
        expected: 'UTF-8 text', found: `bytes ${found}`, hint: fix,
      }),
    };
  }
}

/**
 * Where the first invalid sequence starts. The lossy decoder writes U+FFFD for it; any U+FFFD
 * before it was a real one (EF BF BD), so the prefix re-encodes to exactly the bytes before it.
 */
function firstInvalidUtf8(bytes: Uint8Array, text: string): { byte: number; line: number; column: number } {
  const enc = new TextEncoder();
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    const byte = enc.encode(text.slice(0, i)).length;
    if (bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd) continue;
    const before = text.slice(0, i);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { byte, line: before.split('\n').length, column: i - lineStart + 1 };
  }
  return { byte: 0, line: 1, column: 1 };
}

/** Decodes raw files; problems for files that are not UTF-8. */
export function decodeFiles(raw: readonly RawContentFile[]): { files: ContentFile[]; problems: Problem[] } {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  for (const r of raw) {
    const { text, problem } = decodeContent(r.path, r.bytes);
    // Raw result files of a measurement carry their hash, so check can tell an edited one from the imported one.
    const sha256 = isEvidencePath(r.path, CONTENT_DIR) ? createHash('sha256').update(r.bytes).digest('hex') : undefined;
    files.push({ path: r.path, text, ...(sha256 ? { sha256 } : {}) });
    if (problem) problems.push(problem);
  }
  return { files, problems };
}

/** Every readable file under `<root>/src/content` as text, paths relative to `root`, sorted. */
export function readContentFiles(root: string): ContentFile[] {
  return decodeFiles(readContentTree(root).raw).files;
}

/**
 * A cheap fingerprint of the content tree (every path with its size and modification time, from
 * `lstat` only): the loader validates once per distinct tree, however many collections ask.
 */
export function treeFingerprint(root: string): string {
  const parts: string[] = [];
  walkContent(join(root, CONTENT_DIR),
    (full, st) => parts.push(`${full}\0${st.size}\0${st.mtimeMs}\0${st.mode}`),
    (full) => parts.push(`${full}\0?`));
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/**
 * A Markdown body rendered to HTML the way the site renders it: Astro 7's default processor
 * (Sätteri, @astrojs/markdown-satteri) with Astro's defaults (GFM, smart punctuation, heading
 * ids) and no syntax highlighting (astro.config.mjs turns it off: it would add inline styles).
 * Synchronous, so `check` stays one pass. `unsafe-markup` sanitizes this output.
 */
export function renderMarkdown(body: string): string {
  const astro = { frontmatter: {}, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
  const r = markdownToHtml(body, {
    features: { gfm: true, smartPunctuation: true },
    hastPlugins: [satteriHeadingIdsPlugin()],
    data: { astro },
  });
  // Astro's heading-id plugin is synchronous, so the result is too; a newer one that is not would land here.
  if (r instanceof Promise) throw new Error('Sätteri rendered Markdown asynchronously; check needs a synchronous renderer (src/node/content-fs.ts)');
  return r.html;
}

/**
 * The whole check over files as bytes: decoding, then the pure validator. `check`, `build` and
 * the Astro integration all come through here (via {@link validateTree}); tests call it in-process.
 */
export function validateRaw(
  raw: readonly RawContentFile[],
  opts: { now: string; audience?: Audience; problems?: readonly Problem[]; renderMarkdown?: (body: string) => string; sanitized?: Map<string, string> },
): ValidationResult {
  const { files, problems } = decodeFiles(raw);
  const result = validateContent(files, {
    contentDir: CONTENT_DIR, now: opts.now, audience: opts.audience ?? 'internal',
    renderMarkdown: opts.renderMarkdown ?? renderMarkdown, remoteImageHosts: site.remoteImageHosts, sanitized: opts.sanitized,
  });
  const extra = [...(opts.problems ?? []), ...problems];
  return {
    ...result,
    problems: sortProblems([...extra, ...result.problems]),
    files: result.files + (opts.problems?.length ?? 0),
  };
}

/**
 * The whole check of the tree under `root`. The hooks are the content loader's: a renderer that
 * remembers each body's HTML and a map that keeps each sanitized render, so the page shows the very
 * render `check` judged, rendered and sanitized once.
 */
export function validateTree(
  root: string, now = today(), audience: Audience = 'internal',
  hooks: { renderMarkdown?: (body: string) => string; sanitized?: Map<string, string> } = {},
): ValidationResult {
  const tree = readContentTree(root);
  return validateRaw(tree.raw, { now, audience, problems: tree.problems, ...hooks });
}
