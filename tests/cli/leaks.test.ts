/**
 * The leak test reads like a browser: every disguise of a confidential term that a reader (or a
 * crawler) still sees as the term fails the partner build, naming the output file with a masked
 * context, and is reported by `check` at the source line. The deny-list comes from the environment
 * only; the repository holds no term in any form.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE_TREE, fieldkit, makeTree, projectWith, ROOT, treeHash } from '../helpers.ts';

// The test deny-list: a customer name and a common word (for word boundaries).
const TERMS = 'Contoso Media\nBox\n';
// Only this list: a list in the caller's environment (a developer's FIELDKIT_TERMS_FILE) must not leak in.
const ENV = { FIELDKIT_TERMS: TERMS, FIELDKIT_TERMS_FILE: '' };
const SHY = '\u00AD';

// A 1x1 PNG, for the image file name disguise.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

// Each disguise on its own line of a partner-visible page, behind a marker (d01…) that the masked
// context shows, so each report can be told apart.
const DISGUISES: [marker: string, what: string, markdown: string][] = [
  ['d01', 'soft hyphen character', `d01 Con${SHY}toso Media.`],
  ['d02', '&shy; entity', 'd02 Con&shy;toso Media.'],
  ['d03', '&#173; entity', 'd03 Con&#173;toso Media.'],
  ['d04', 'Cyrillic С', 'd04 \u0421ontoso Media.'],
  ['d05', 'word joiner', 'd05 Con\u2060toso Media.'],
  ['d06', 'combining grapheme joiner', 'd06 Con\u034Ftoso Media.'],
  ['d07', 'alt attribute', '![d07 Contoso Media logo](/pixel.png)'],
  ['d08', 'title attribute', '[d08](https://example.com/case "d08 Contoso Media")'],
  ['d09', 'data-* attribute', '<span data-note="d09 Contoso Media">d09</span>'],
  ['d10', 'HTML comment', '<!-- d10 Contoso Media -->'],
  ['d11', 'percent-encoded URL', '[d11](https://example.com/d11/Contoso%20Media/)'],
  ['d12', 'split by markup in data-pagefind-ignore', '<span data-pagefind-ignore>d12 Con<b>toso</b> Media</span>'],
  ['d13', 'image file name', '![d13 logo](/contoso-media.png)'],
];

// Raw HTML never reaches a page from content (check reports it as unsafe-markup and the build's
// sanitizer drops it), so these disguises sit in a template page, which check does not read: only
// the build's leak test can catch them there.
const IN_TEMPLATE = new Set(['d09', 'd10', 'd12']);
const TEMPLATE_PAGE = [
  '---', "import Base from '../layouts/Base.astro';", '---',
  '<Base title="Partner notes">',
  ...DISGUISES.filter(([m]) => IN_TEMPLATE.has(m)).map(([, , md]) => `<p>${md}</p>`),
  // A left-out entry's address in content is an audience-leak for check (the build stops before
  // rendering); in a template only the leak test sees it.
  '<p>d15 See <a href="/frds/customer%2Dmedia1-checkpointing-20261015/">the FRD</a>.</p>',
  '</Base>', '',
].join('\n');

const CLOUD = [
  '---', 'owner: lead', 'reviewed: 2026-11-01', 'audience: partner', 'name: Example cloud', 'short: Example',
  'summary: An example cloud for tests.', '---',
  'The ingress limit is [limited](claim:azure/ingress).', '',
  ...DISGUISES.filter(([m]) => !IN_TEMPLATE.has(m)).flatMap(([, , md]) => [md, '']),
  'd14 Ship it in a Box.', '',
].join('\n');
const CLOUD_LINE = (marker: string) => CLOUD.split('\n').findIndex((l) => l.includes(marker)) + 1;

const TREE: Record<string, string> = {
  ...BASE_TREE,
  'src/content/clouds/azure.md': CLOUD,
  'src/content/claims/azure/ingress.yaml': BASE_TREE['src/content/claims/azure/ingress.yaml']!.replace('reviewed: 2026-11-01', 'reviewed: 2026-11-01\naudience: partner'),
  'src/content/sources/doc.yaml': BASE_TREE['src/content/sources/doc.yaml']!.replace('reviewed: 2026-11-01', 'reviewed: 2026-11-01\naudience: partner'),
  // An internal FRD: its address must not appear in the partner edition, even URL-encoded.
  'src/content/frds/customer-media1-checkpointing-20261015.md':
    '---\nowner: lead\nreviewed: 2026-11-01\nname: Customer-Media1-Checkpointing-20261015\ntitle: Example FRD\nstatus: proposed\n---\nExample.\n',
};


describe('a partner build with every disguise', () => {
  let dir: string;
  let build: ReturnType<typeof fieldkit>;
  let before: Record<string, string>;
  beforeAll(() => {
    dir = projectWith(TREE);
    writeFileSync(join(dir, 'src', 'pages', 'partner-notes.astro'), TEMPLATE_PAGE);
    // Images in public/ are published under their own names.
    mkdirSync(join(dir, 'public'), { recursive: true });
    writeFileSync(join(dir, 'public', 'pixel.png'), PNG);
    writeFileSync(join(dir, 'public', 'contoso-media.png'), PNG);
    // A previously published site.
    mkdirSync(join(dir, 'dist', 'kits'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), '<p>previous good build</p>');
    writeFileSync(join(dir, 'dist', 'kits', 'azure.pdf'), 'previous pdf');
    before = treeHash(join(dir, 'dist'));
    build = fieldkit(['build', '--audience', 'partner', '--now', '2026-11-26'], { cwd: dir, env: { FIELDKIT_ROOT: dir, ...ENV } });
  }, 180_000);

  it('fails (exit 1) and leaves dist/ byte-identical', () => {
    expect(build.code, build.stderr).toBe(1);
    expect(build.stderr).toContain('nothing was published');
    expect(treeHash(join(dir, 'dist'))).toEqual(before);
  });

  it.each(DISGUISES.filter(([m]) => IN_TEMPLATE.has(m)))('%s (%s) in a template page: the page and the masked context', (marker) => {
    const lines = build.stderr.split('\n').filter((l) => l.startsWith('leak: partner-notes/index.html:') && new RegExp(`\\b${marker}\\b`).test(l));
    expect(lines.length, build.stderr).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes(`confidential term 1 in `) && l.includes(`[term 1]`)), lines.join('\n')).toBe(true);
    // Where it came from is traced through the content (here the same term is in the cloud page too).
    expect(lines.every((l) => l.includes('(source: ')), lines.join('\n')).toBe(true);
  });

  it.each(DISGUISES.filter(([m]) => m !== 'd13' && !IN_TEMPLATE.has(m)))('%s (%s): the page, the masked context and the source line', (marker) => {
    const lines = build.stderr.split('\n').filter((l) => l.startsWith('leak: clouds/azure/index.html:') && new RegExp(`\\b${marker}\\b`).test(l));
    expect(lines.length, build.stderr).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes(`confidential term 1 in `) && l.includes(`[term 1]`)), lines.join('\n')).toBe(true);
    expect(lines.some((l) => l.includes(`(source: src/content/clouds/azure.md:`)), lines.join('\n')).toBe(true);
  });

  it('the image published under its file name', () => {
    // The path is printed with the term masked too (the source line says where it comes from).
    expect(build.stderr).toMatch(/^leak: \[term 1\]\.png: confidential term 1 in file name: "\[term 1\]\.png" \(source: src\/content\/clouds\/azure\.md:\d+/m);
  });

  it('no confidential term is printed in plain text', () => {
    // Folded the simple way (invisible characters dropped): any spelling of the term in the output.
    const printed = (build.stderr + build.stdout).replace(/\u00AD|\u2060|\u034F/g, '');
    expect(printed).not.toMatch(/contoso[\s-]*media/i);
  });

  it('Box is found as a word in a page, never inside CSS or JS identifiers (box-sizing, t.box)', () => {
    expect(build.stderr).toMatch(/leak: clouds\/azure\/index\.html:\d+: confidential term 2 in text: "[^"]*d14 Ship it in a \[term 2\]\./);
    expect(build.stderr).not.toMatch(/^leak: [^:]*\.(css|js)[: ]/m);
  });

  it('the address of a left-out entry, URL-encoded in a link', () => {
    expect(build.stderr).toMatch(/leak: partner-notes\/index\.html:\d+: "\/frds\/customer-media1-checkpointing-20261015\/" in attribute href \(URL-decoded\)/);
  });

  it('check reports each disguise at its source line (confidential-term, masked)', () => {
    const without = fieldkit(['check', '--root', dir, '--format', 'json', '--now', '2026-11-26'], { env: { FIELDKIT_TERMS: '', FIELDKIT_TERMS_FILE: '' } });
    expect(without.code).toBe(0); // no deny-list: terms are not checked, the content is otherwise clean
    const withList = fieldkit(['check', '--root', dir, '--format', 'json', '--now', '2026-11-26'], { env: ENV });
    expect(withList.code).toBe(1);
    const problems = (JSON.parse(withList.stdout) as { problems: { code: string; file: string; line: number; message: string }[] }).problems.filter((p) => p.code === 'confidential-term');
    const lines = problems.filter((p) => p.file === 'src/content/clouds/azure.md').map((p) => p.line);
    for (const [marker] of DISGUISES.filter(([m]) => !IN_TEMPLATE.has(m))) expect(lines, marker).toContain(CLOUD_LINE(marker));
    expect(lines).toContain(CLOUD_LINE('d14'));
    expect(problems.map((p) => p.message).join('\n')).not.toMatch(/contoso/i);
  });
});

describe('the deny-list comes from the environment', () => {
  const partner = (dir: string, env: Record<string, string>) => fieldkit(['build', '--audience', 'partner', '--now', '2026-11-26'], { cwd: dir, env: { FIELDKIT_ROOT: dir, FIELDKIT_TERMS: '', FIELDKIT_TERMS_FILE: '', ...env } });

  it('partner and public builds refuse without it (exit 2), saying how to provide it', () => {
    const dir = makeTree();
    const r = partner(dir, {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the partner edition is never built without the confidential-terms deny-list (none is set)');
    expect(r.stderr).toContain('FIELDKIT_TERMS_FILE=');
    const pub = fieldkit(['build', '--audience', 'public', '--now', '2026-11-26'], { cwd: dir, env: { FIELDKIT_ROOT: dir, FIELDKIT_TERMS: '# only a comment\n', FIELDKIT_TERMS_FILE: '' } });
    expect(pub.code).toBe(2);
    expect(pub.stderr).toContain('$FIELDKIT_TERMS holds no term');
  });

  it('a missing file or a term without letters is a usage error naming the file and line', () => {
    const dir = makeTree();
    const missing = partner(dir, { FIELDKIT_TERMS_FILE: join(dir, '..', 'no-such-terms.txt') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/FIELDKIT_TERMS_FILE=.*no-such-terms\.txt: cannot read it \(ENOENT\)/);
    const bad = partner(dir, { FIELDKIT_TERMS: 'Contoso Media\n---\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('$FIELDKIT_TERMS:line 2: a confidential term needs at least one letter or digit');
  });

  it('terms add appends to FIELDKIT_TERMS_FILE (refusing when unset or inside the project); terms check reads it', () => {
    const dir = makeTree();
    const secrets = mkdtempSync(join(tmpdir(), 'fieldkit-secrets-'));
    const file = join(secrets, 'terms.txt');
    expect(fieldkit(['terms', 'add', '--root', dir, 'Contoso Media'], { env: { FIELDKIT_TERMS_FILE: '' } }).code).toBe(2);
    expect(fieldkit(['terms', 'add', '--root', dir, 'Contoso Media'], { env: { FIELDKIT_TERMS_FILE: join(dir, 'terms.txt') } }).stderr).toContain('is inside the project');
    const env = { FIELDKIT_TERMS_FILE: file, FIELDKIT_TERMS: '' };
    expect(fieldkit(['terms', 'add', '--root', dir, 'Contoso Media'], { env }).code).toBe(0);
    expect(fieldkit(['terms', 'add', '--root', dir, 'CONTOSO  media'], { env }).stderr).toContain('0 added, 1 already listed');
    expect(readFileSync(file, 'utf8')).toBe('Contoso Media\n');
    const note = join(secrets, 'note.md');
    writeFileSync(note, 'line one\nWe met Con&shy;toso Media.\n');
    const hit = fieldkit(['terms', 'check', '--root', dir, note], { env });
    expect(hit.code).toBe(1);
    expect(hit.stdout).toContain(`${note}:2:8: confidential term 1 (text): "line one We met [term 1]."`);
    writeFileSync(note, 'We met a media company.\n');
    expect(fieldkit(['terms', 'check', '--root', dir, note], { env }).code).toBe(0);
  });
});

describe('the repository', () => {
  it('holds no confidential-terms file and no test term in plain text or as a SHA-256', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(tracked).not.toContain('confidential-terms.txt');
    // Terms the old hashed list and its tests used, and this file's own list.
    const terms = ['globex studios', 'initech labs', 'contoso media'];
    const hashes = terms.map((t) => createHash('sha256').update(t).digest('hex'));
    const offenders: string[] = [];
    for (const f of tracked) {
      let text: string;
      try {
        text = readFileSync(join(ROOT, f), 'utf8');
      } catch {
        continue;
      }
      const lower = text.toLowerCase();
      for (const h of hashes) if (lower.includes(h)) offenders.push(`${f}: a term's SHA-256`);
      const isTest = f.startsWith('tests/') || f.endsWith('.test.ts');
      if (!isTest) for (const t of terms) if (lower.includes(t)) offenders.push(`${f}: "${t}"`);
      if (/sha256:[0-9a-f]{64}\s+words:\d+/.test(lower)) offenders.push(`${f}: a hashed deny-list line`);
    }
    expect(offenders).toEqual([]);
  });
});
