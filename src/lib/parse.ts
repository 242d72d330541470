/**
 * Parses a content file's text into data plus a way to map a field path back to a line and
 * column, so every problem can point at the key or value an author must change. Pure: text in.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedFile {
  /** Parsed YAML data (the frontmatter for Markdown), or undefined when it could not be parsed. */
  data: unknown;
  /** Markdown body, for prose files. */
  body?: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine?: number;
  /** Syntax errors with positions. */
  syntax: { message: string; pos: Position }[];
  /** Whether a Markdown file lacks frontmatter. */
  missingFrontmatter?: boolean;
  /** Position of the value at `path` (or of its key when `key` is set); falls back to the nearest parent. */
  locate: (path: readonly (string | number)[], opts?: { key?: boolean }) => Position;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

export function parseContentFile(text: string, kind: 'data' | 'prose'): ParsedFile {
  if (kind === 'data') return parseYaml(text, 0);
  const m = FRONTMATTER.exec(text);
  if (!m) {
    return {
      data: undefined,
      body: text,
      bodyLine: 1,
      syntax: [],
      missingFrontmatter: true,
      locate: () => ({ line: 1, column: 1 }),
    };
  }
  const parsed = parseYaml(m[1] ?? '', 1); // the YAML starts on line 2
  const bodyOffset = m[0].length;
  const bodyLine = text.slice(0, bodyOffset).split('\n').length;
  return { ...parsed, body: text.slice(bodyOffset), bodyLine };
}

/**
 * Most files are valid, and positions are only needed for files with a problem. So data comes
 * from js-yaml's fast loader (YAML 1.2 core schema, like `yaml`'s default: dates stay strings),
 * and the positioned `yaml` Document is built only when a problem must be located, or when the
 * fast loader refuses the text (then the Document reports the syntax errors with positions).
 */
function parseYaml(text: string, lineOffset: number): ParsedFile {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return parseYamlPositioned(text, lineOffset);
  }
  let positioned: ParsedFile | undefined;
  return {
    data: data ?? null,
    syntax: [],
    locate: (path, opts) => (positioned ??= parseYamlPositioned(text, lineOffset)).locate(path, opts),
  };
}

function parseYamlPositioned(text: string, lineOffset: number): ParsedFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const p = lc.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  const syntax = doc.errors.map((e) => {
    const message = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
    // The parser notices an unclosed quote only at the end of the file: point at the opening quote.
    const quote = e.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(message)?.[1] : undefined;
    const opened = quote ? unclosedQuote(text, quote) : undefined;
    return { message, pos: opened !== undefined ? at(opened) : at(e.pos[0]) };
  });
  const data = syntax.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  return {
    data,
    syntax,
    locate: (path, opts) => locateIn(doc, path, opts?.key ?? false, at),
  };
}

/** Offset of the first quote that opens a scalar and is never closed on its line. */
function unclosedQuote(text: string, quote: string): number | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const body = line.replace(/\s#.*$/, '');
    const count = quote === '"' ? (body.replace(/\\./g, '').match(/"/g) ?? []).length : (body.replace(/''/g, '').match(/'/g) ?? []).length;
    if (count % 2 === 1) return offset + line.indexOf(quote);
    offset += line.length + 1;
  }
  return undefined;
}

function locateIn(
  doc: Document,
  path: readonly (string | number)[],
  wantKey: boolean,
  at: (offset: number) => Position,
): Position {
  let node: Node | null | undefined = doc.contents as Node | null;
  let best: Position = node?.range ? at(node.range[0]) : { line: 1 + 0, column: 1 };
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) return best;
      const keyNode = pair.key as Node;
      const last = i === path.length - 1;
      if (last && wantKey && keyNode.range) return at(keyNode.range[0]);
      const valueNode = pair.value as Node | null;
      best = valueNode?.range ? at(valueNode.range[0]) : keyNode.range ? at(keyNode.range[0]) : best;
      node = valueNode;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return best;
      if (item.range) best = at(item.range[0]);
      node = item;
    } else {
      return best;
    }
  }
  return best;
}
