/**
 * Parses a content file's text into data plus a way to map a field path back to a line and
 * column, so every problem can point at the key or value an author must change. Pure: text in.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

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
  /** Syntax errors with positions; `limit` when the text is valid but exceeds a resource limit (aliases, nesting). */
  syntax: { message: string; pos: Position; limit?: boolean }[];
  /** Whether a Markdown file lacks frontmatter. */
  missingFrontmatter?: boolean;
  /** Position of the value at `path` (or of its key when `key` is set); falls back to the nearest parent. */
  locate: (path: readonly (string | number)[], opts?: { key?: boolean }) => Position;
}

/** Most aliases a file may use: more is how an exponential "billion laughs" expansion starts. */
export const MAX_YAML_ALIASES = 100;

const BOM = '\uFEFF';
/** A line that opens or closes frontmatter: exactly `---` (a CRLF line end is allowed). */
const FENCE = /^---\r?$/;

/**
 * Data files are YAML. Markdown files start with a line that is exactly `---`, then YAML, then a
 * line that is exactly `---`, then the body. A UTF-8 byte-order mark before the first line is
 * accepted (and ignored) in both. Astro ends frontmatter at the first line that *starts* with
 * `---`, so such a line that is not exactly `---` (`--- # end`, `----`) is an error here rather
 * than a different split of the file on the site.
 */
export function parseContentFile(text: string, kind: 'data' | 'prose'): ParsedFile {
  if (text.startsWith(BOM)) text = text.slice(1);
  if (kind === 'data') return parseYaml(text, 0);
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      data: undefined,
      body: text,
      bodyLine: 1,
      syntax: [],
      missingFrontmatter: true,
      locate: () => ({ line: 1, column: 1 }),
    };
  }
  const close = lines.findIndex((l, i) => i > 0 && l.startsWith('---'));
  if (close === -1 || !FENCE.test(lines[close]!)) {
    const message = close === -1
      ? 'the frontmatter opened by `---` on line 1 is never closed: add a line that is exactly `---` after the last field'
      : `a line starting with \`---\` ends the frontmatter and must be exactly \`---\`, found \`${lines[close]!.trimEnd()}\``;
    const pos = { line: close === -1 ? 1 : close + 1, column: 1 };
    return { data: undefined, body: '', bodyLine: lines.length, syntax: [{ message, pos }], locate: () => pos };
  }
  const parsed = parseYaml(lines.slice(1, close).join('\n'), 1); // the YAML starts on line 2
  return { ...parsed, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

/**
 * Could the text hold an anchor (`&name` after a space, a line start or a flow indicator)? A
 * pre-filter only: a false match costs the slower parser, and YAML allows no anchor it misses.
 * Shell lines such as `a && b` or `2>&1` in repro steps do not match. What it would miss (an anchor
 * named `&`, written `&& x`) is caught after loading: a collection reached twice means an alias.
 */
const ANCHOR = /(?:^|[\s,[{])&(?!&(?:\s|$))[^\s,[\]{}]/m;

/**
 * Most files are valid, and positions are only needed for files with a problem. So data comes
 * from js-yaml's fast loader (YAML 1.2 core schema, like `yaml`'s default: dates stay strings),
 * and the positioned `yaml` Document is built only when a problem must be located, or when the
 * fast loader refuses the text (then the Document reports the syntax errors with positions).
 */
function parseYaml(text: string, lineOffset: number): ParsedFile {
  // Anchors with aliases can expand exponentially; only the positioned parser counts them.
  if (ANCHOR.test(text) && text.includes('*')) return parseYamlPositioned(text, lineOffset);
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return parseYamlPositioned(text, lineOffset);
  }
  if (sharesNodes(data)) return parseYamlPositioned(text, lineOffset);
  let positioned: ParsedFile | undefined;
  return {
    data: data ?? null,
    syntax: [],
    locate: (path, opts) => (positioned ??= parseYamlPositioned(text, lineOffset)).locate(path, opts),
  };
}

/** Whether a list or mapping is reached twice: js-yaml shares an aliased collection instead of copying it. */
function sharesNodes(data: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [data];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (seen.has(v)) return true;
    seen.add(v);
    stack.push(...(Array.isArray(v) ? v : Object.values(v)));
  }
  return false;
}

function parseYamlPositioned(text: string, lineOffset: number): ParsedFile {
  const lc = new LineCounter();
  const at = (offset: number): Position => {
    const p = lc.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  } catch {
    // Only a resource limit (e.g. the parser's stack on absurd nesting) gets here.
    const pos = { line: 1 + lineOffset, column: 1 };
    return { data: undefined, syntax: [{ message: 'the YAML is nested too deeply to read', pos, limit: true }], locate: () => pos };
  }
  const syntax: ParsedFile['syntax'] = doc.errors.map((e) => {
    const message = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
    // The parser notices an unclosed quote only at the end of the file: point at the opening quote.
    const quote = e.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(message)?.[1] : undefined;
    const opened = quote ? unclosedQuote(text, quote) : undefined;
    return { message, pos: opened !== undefined ? at(opened) : at(e.pos[0]) };
  });
  let data: unknown;
  if (!syntax.length) {
    const aliases: number[] = [];
    let cycle: number | undefined;
    visit(doc, {
      Alias: (_, node) => {
        const start = node.range?.[0] ?? 0;
        aliases.push(start);
        // An alias inside the node it names (`a: &x [*x]`) makes the data contain itself.
        const target = node.resolve(doc);
        if (cycle === undefined && target?.range && start >= target.range[0] && start < target.range[1]) cycle = start;
      },
    });
    if (cycle !== undefined) {
      syntax.push({ message: 'an alias refers to the node that contains it, so the data would contain itself', pos: at(cycle), limit: true });
    } else if (aliases.length > MAX_YAML_ALIASES) {
      syntax.push({
        message: `${aliases.length} aliases (*name), more than the ${MAX_YAML_ALIASES} a file may use`,
        pos: at(aliases[MAX_YAML_ALIASES]!),
        limit: true,
      });
    } else {
      try {
        data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
      } catch (err) {
        const message = err instanceof ReferenceError
          ? `aliases expand to more than ${MAX_YAML_ALIASES} copies of their anchors`
          : 'the YAML is nested too deeply to read';
        syntax.push({ message, pos: at(aliases[0] ?? 0), limit: true });
      }
    }
  }
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
