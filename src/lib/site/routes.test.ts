/**
 * One route table: every URL the site, the kits, the feeds and the CLI build comes from
 * routes.ts. A string or template literal that starts with a section's path anywhere else in
 * src/ or cli/ (tests apart) fails here, named by file:line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../tests/helpers.ts';
import { pageOf, route, signalAnchor } from './routes.ts';

const SECTION = /^\/(?:clouds|plays|claims|kits|tco|triage|frds|reviews|signals|sources|measurements|people|changes|search|blueprint)(?:[/.#?]|$)/;

/**
 * Literals another engineer's file still holds (cli/pdf.ts is not this lane's to edit): each must
 * still be there, so the list can only shrink. Key: file, value: the literals' text.
 */
const PENDING: Record<string, string[]> = {};

function files(dir: string, exts: string[]): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && exts.some((e) => d.name.endsWith(e)) && !d.name.endsWith('.test.ts'))
    .map((d) => relative(ROOT, join(d.parentPath, d.name)));
}

/** String and template literals of TypeScript code, with their 1-based line (offset by `firstLine`). */
function tsLiterals(code: string, firstLine = 1): { line: number; text: string }[] {
  const sf = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  const out: { line: number; text: string }[] = [];
  const visit = (n: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n)) text = n.getText(sf).slice(1, -1);
    if (text !== undefined) out.push({ line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + firstLine, text });
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

/** Literals of an .astro file: its frontmatter as TypeScript, its template's quoted and backticked text by line. */
function astroLiterals(source: string): { line: number; text: string }[] {
  const lines = source.split('\n');
  const end = lines[0]?.trim() === '---' ? lines.indexOf('---', 1) : -1;
  const out = end > 0 ? tsLiterals(lines.slice(1, end).join('\n'), 2) : [];
  lines.forEach((l, i) => {
    if (i <= end) return;
    const code = l.replace(/<!--.*?-->/g, '').replace(/\{\/\*.*?\*\/\}/g, '');
    for (const m of code.matchAll(/(["'`])(\/[^"'`]*)\1?/g)) out.push({ line: i + 1, text: m[2]! });
  });
  return out;
}

describe('one route table', () => {
  it('no route literal outside src/lib/site/routes.ts (src/**/*.{ts,astro}, cli/**/*.ts, tests apart)', () => {
    const found: string[] = [];
    const pending = new Map(Object.entries(PENDING).map(([f, l]) => [f, new Set(l)]));
    const scanned = [...files('src', ['.ts', '.astro']), ...files('cli', ['.ts'])].filter((f) => f !== 'src/lib/site/routes.ts');
    for (const file of scanned) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      for (const { line, text } of file.endsWith('.astro') ? astroLiterals(source) : tsLiterals(source)) {
        if (!SECTION.test(text)) continue;
        if (pending.get(file)?.delete(text)) continue;
        found.push(`${file}:${line}: ${text}`);
      }
    }
    expect(scanned.length).toBeGreaterThan(100);
    expect(found, 'build these URLs with route.* / pageOf from src/lib/site/routes.ts').toEqual([]);
    const stale = [...pending].flatMap(([f, left]) => [...left].map((l) => `${f}: ${l}`));
    expect(stale, 'PENDING lists literals that are gone: remove them from the list').toEqual([]);
  });

  it('the scan sees a literal in each form it looks for', () => {
    const lits = [
      ...tsLiterals("const a = '/plays/';\nconst b = `/claims/${id}/`;\n// '/tco/' in a comment\n"),
      ...astroLiterals('---\nconst c = "/kits/";\n---\n<a href="/search/">s</a>\n{/* "/frds/" */}\n<a href={`/sources/${id}/`}>x</a>\n'),
    ].filter((l) => SECTION.test(l.text));
    expect(lits).toEqual([
      { line: 1, text: '/plays/' }, { line: 2, text: '/claims/${id}/' },
      { line: 2, text: '/kits/' }, { line: 4, text: '/search/' }, { line: 6, text: '/sources/${id}/' },
    ]);
  });

  it('a signal links to the anchor its list item carries, also for an id with a slash', () => {
    expect(signalAnchor('azure/egress-ask')).toBe('signal-azure-egress-ask');
    expect(pageOf('signals', 'azure/egress-ask')).toBe('/signals/#signal-azure-egress-ask');
    expect(route.signal('tier2')).toBe('/signals/#signal-tier2');
  });

  it('places every entry where the pages are built', () => {
    expect(pageOf('claims', 'azure/account-ingress')).toBe('/claims/azure/account-ingress/');
    expect(pageOf('measurements', 'aws/s3-express-get-rate/2026-11-02')).toBe('/claims/aws/s3-express-get-rate/#measurement-2026-11-02');
    expect(pageOf('partners', 'example-billing')).toBe('/blueprint/#partner-example-billing');
    expect(pageOf('triage', 'rfp')).toBe('/triage/');
    expect(route.dagger('gcp')).toBe('/clouds/gcp/dagger/');
    expect(route.measurementFile('aws/x/s1', 'run 1.json')).toBe('/measurements/aws/x/s1/run%201.json');
  });
});
