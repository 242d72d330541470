/**
 * Golden tests for `fieldkit check`: each case drops one broken file into a small valid tree and
 * proves the exact file, line, column, code and message. Positions were counted by hand on the
 * fixture text written next to them.
 */
import { describe, expect, it } from 'vitest';
import { BASE_TREE, checkJson, fieldkit, makeTree } from '../helpers.ts';

const CLAIM = 'src/content/claims/azure/ingress.yaml';
const claimWith = (replace: Record<string, string | null>) => {
  const lines = BASE_TREE[CLAIM]!.split('\n').flatMap((l) => {
    const key = l.split(':')[0]!;
    if (key in replace) return replace[key] === null ? [] : [replace[key]!];
    return [l];
  });
  return lines.join('\n');
};

interface Case {
  name: string;
  files: Record<string, string | null>;
  expect: { file: string; line: number; column: number; code: string; severity?: string; message: string; field?: string };
  args?: string[];
  exit?: number;
}

const cases: Case[] = [
  {
    name: 'YAML syntax error is reported with its position',
    files: { 'src/content/sources/doc.yaml': 'owner: lead\ntitle: "unclosed\nkind: vendor-doc\n' },
    expect: { file: 'src/content/sources/doc.yaml', line: 2, column: 8, code: 'yaml-syntax', message: 'YAML syntax error: Missing closing "quote' },
  },
  {
    name: 'Markdown entry without frontmatter',
    files: { 'src/content/plays/checkpoint.md': 'Just a talk track, no fields.\n' },
    expect: { file: 'src/content/plays/checkpoint.md', line: 1, column: 1, code: 'missing-frontmatter', message: 'a Markdown entry must start with a YAML frontmatter block' },
  },
  {
    name: 'misspelt key points at the key and suggests the right one',
    files: { [CLAIM]: claimWith({ service: 'servce: Example storage' }) },
    expect: { file: CLAIM, line: 4, column: 1, code: 'unknown-key', field: 'servce', message: 'unknown key "servce"' },
  },
  {
    name: 'missing required field',
    files: { [CLAIM]: claimWith({ statement: null }) },
    expect: { file: CLAIM, line: 1, column: 1, code: 'missing-field', message: 'missing required field "statement"' },
  },
  {
    name: 'quoted number is the wrong type',
    files: { [CLAIM]: claimWith({ '  value': '  value: "60"' }) },
    expect: { file: CLAIM, line: 9, column: 10, code: 'wrong-type', field: 'metric.value', message: 'metric.value has the wrong form' },
  },
  {
    name: 'value outside an enum',
    files: { [CLAIM]: claimWith({ category: 'category: thruput' }) },
    expect: { file: CLAIM, line: 5, column: 11, code: 'bad-enum', field: 'category', message: 'category is not one of the allowed values' },
  },
  {
    name: 'impossible calendar date',
    files: { [CLAIM]: claimWith({ reviewed: 'reviewed: 2026-02-30' }) },
    expect: { file: CLAIM, line: 2, column: 11, code: 'bad-date', field: 'reviewed', message: 'reviewed is not a real date' },
  },
  {
    name: 'non-http URL',
    files: { 'src/content/sources/doc.yaml': BASE_TREE['src/content/sources/doc.yaml']!.replace('https://example.com/limits', 'javascript:alert(1)') },
    expect: { file: 'src/content/sources/doc.yaml', line: 5, column: 6, code: 'bad-url', field: 'url', message: 'url is not an http(s) URL' },
  },
  {
    name: 'empty list where one item is required',
    files: { 'src/content/plays/checkpoint.md': BASE_TREE['src/content/plays/checkpoint.md']!.replace('clouds: [azure]', 'clouds: []') },
    expect: { file: 'src/content/plays/checkpoint.md', line: 6, column: 9, code: 'invalid-value', field: 'clouds', message: 'clouds has too few items' },
  },
  {
    name: 'two files with the same id',
    files: { 'src/content/sources/doc.yml': BASE_TREE['src/content/sources/doc.yaml']! },
    expect: { file: 'src/content/sources/doc.yml', line: 1, column: 1, code: 'duplicate-id', message: 'id "doc" in sources is already used by src/content/sources/doc.yaml' },
  },
  {
    name: 'dangling reference to a source, with a suggestion',
    files: { [CLAIM]: claimWith({ sources: 'sources: [dco]' }) },
    expect: { file: CLAIM, line: 13, column: 11, code: 'dangling-ref', field: 'sources.0', message: '"dco" is not an entry in sources' },
  },
  {
    name: 'owner who is not in people',
    files: { 'src/content/sources/doc.yaml': BASE_TREE['src/content/sources/doc.yaml']!.replace('owner: lead', 'owner: nobody') },
    expect: { file: 'src/content/sources/doc.yaml', line: 1, column: 8, code: 'dangling-ref', field: 'owner', message: '"nobody" is not an entry in people' },
  },
  {
    name: 'sourced claim with TBD value',
    files: { [CLAIM]: claimWith({ '  value': '  value: TBD' }) },
    expect: { file: CLAIM, line: 9, column: 10, code: 'claim-needs-value', field: 'metric.value', message: 'a sourced claim cannot have the value TBD' },
  },
  {
    name: 'sourced claim without sources',
    files: { [CLAIM]: claimWith({ sources: null }) },
    expect: { file: CLAIM, line: 12, column: 9, code: 'claim-needs-source', field: 'status', message: 'a sourced claim must cite at least one source' },
  },
  {
    name: 'sourced claim without asOf',
    files: { [CLAIM]: claimWith({ asOf: null }) },
    expect: { file: CLAIM, line: 12, column: 9, code: 'claim-needs-as-of', field: 'status', message: 'a sourced claim must say when the figure was true' },
  },
  {
    name: 'date in the future',
    files: { [CLAIM]: claimWith({ asOf: 'asOf: 2027-01-31' }) },
    expect: { file: CLAIM, line: 14, column: 7, code: 'future-date', field: 'asOf', message: 'asOf 2027-01-31 is after today (2026-11-26)' },
  },
  {
    name: 'prose links to an unknown claim',
    files: { 'src/content/clouds/azure.md': BASE_TREE['src/content/clouds/azure.md']!.replace('claim:azure/ingress', 'claim:azure/ingres') },
    expect: { file: 'src/content/clouds/azure.md', line: 8, column: 38, code: 'unknown-claim-link', message: 'the prose links to claim "azure/ingres", which does not exist' },
  },
  {
    name: 'raw script in prose',
    files: { 'src/content/plays/checkpoint.md': BASE_TREE['src/content/plays/checkpoint.md']!.replace('Talk track.', 'Talk track.\n\nSee <script src="https://cdn.example.com/x.js"></script>') },
    expect: { file: 'src/content/plays/checkpoint.md', line: 14, column: 5, code: 'unsafe-markup', message: 'the prose contains a raw <script> tag' },
  },
  {
    name: 'javascript: link in prose',
    files: { 'src/content/plays/checkpoint.md': BASE_TREE['src/content/plays/checkpoint.md']!.replace('Talk track.', 'Talk [track](javascript:alert(1)).') },
    expect: { file: 'src/content/plays/checkpoint.md', line: 12, column: 14, code: 'unsafe-markup', message: 'the prose contains a javascript: link' },
  },
  {
    name: 'file in no collection',
    files: { 'src/content/notes/todo.txt': 'remember to add GCP\n' },
    expect: { file: 'src/content/notes/todo.txt', line: 1, column: 1, code: 'unknown-file', message: 'this file belongs to no collection and would be ignored' },
  },
  {
    name: 'claim filed under the wrong cloud folder',
    files: { [CLAIM]: null, 'src/content/claims/aws/ingress.yaml': BASE_TREE[CLAIM]!, 'src/content/clouds/azure.md': BASE_TREE['src/content/clouds/azure.md']!.replace('claim:azure/ingress', 'claim:aws/ingress'), 'src/content/plays/checkpoint.md': BASE_TREE['src/content/plays/checkpoint.md']!.replace('[azure/ingress]', '[aws/ingress]') },
    expect: { file: 'src/content/claims/aws/ingress.yaml', line: 3, column: 8, code: 'id-mismatch', field: 'cloud', message: 'the claim sits in claims/aws/ but says cloud: azure' },
  },
  {
    name: 'an FRD cannot leave the internal edition',
    files: { 'src/content/frds/customer-media1-checkpointing-20261015.md': '---\nowner: lead\nreviewed: 2026-11-01\naudience: partner\nname: Customer-Media1-Checkpointing-20261015\ntitle: Example FRD\nstatus: proposed\n---\nExample.\n' },
    expect: { file: 'src/content/frds/customer-media1-checkpointing-20261015.md', line: 4, column: 11, code: 'frd-audience', field: 'audience', message: 'an FRD names a customer (in its name, file and URL), so it stays in the internal edition' },
  },
  {
    name: 'placeholder left by fieldkit new',
    files: { [CLAIM]: claimWith({ service: 'service: TODO' }) },
    expect: { file: CLAIM, line: 4, column: 10, code: 'placeholder', field: 'service', message: 'service still holds the placeholder TODO' },
  },
  {
    name: 'stale entry is a warning (exit 0)',
    files: { 'src/content/sources/doc.yaml': BASE_TREE['src/content/sources/doc.yaml']!.replace('reviewed: 2026-11-01', 'reviewed: 2025-01-10') },
    expect: { file: 'src/content/sources/doc.yaml', line: 2, column: 11, code: 'stale', severity: 'warning', field: 'reviewed', message: 'due for review since 2025-07-09 (last vouched for 2025-01-10, review every 180 days)' },
    exit: 0,
  },
  {
    name: 'stale entry fails with --strict',
    files: { 'src/content/sources/doc.yaml': BASE_TREE['src/content/sources/doc.yaml']!.replace('reviewed: 2026-11-01', 'reviewed: 2025-01-10') },
    expect: { file: 'src/content/sources/doc.yaml', line: 2, column: 11, code: 'stale', severity: 'warning', field: 'reviewed', message: 'due for review since 2025-07-09 (last vouched for 2025-01-10, review every 180 days)' },
    args: ['--strict'],
    exit: 1,
  },
];

describe('fieldkit check: one broken file at a time', () => {
  it('accepts the valid base tree (exit 0, no problems)', () => {
    const r = checkJson(makeTree());
    expect(r.code).toBe(0);
    expect(r.json.problems).toEqual([]);
    expect(r.json.summary).toEqual({ files: 5, errors: 0, warnings: 0 });
  });

  for (const c of cases) {
    it(c.name, () => {
      const r = checkJson(makeTree(c.files), c.args);
      expect(r.code).toBe(c.exit ?? 1);
      expect(r.json.problems).toHaveLength(1);
      const p = r.json.problems[0]!;
      expect({ file: p.file, line: p.line, column: p.column, code: p.code, message: p.message }).toEqual({
        file: c.expect.file, line: c.expect.line, column: c.expect.column, code: c.expect.code, message: c.expect.message,
      });
      expect(p.severity).toBe(c.expect.severity ?? 'error');
      if (c.expect.field !== undefined) expect(p.field).toBe(c.expect.field);
      expect(p.hint.length).toBeGreaterThan(10);
    });
  }

  it('suggests the nearest key and the nearest id', () => {
    const key = checkJson(makeTree({ [CLAIM]: claimWith({ service: 'servce: Example storage' }) })).json.problems;
    expect(key[0]!.hint).toBe('Did you mean "service"? Rename the key.');
    const ref = checkJson(makeTree({ [CLAIM]: claimWith({ sources: 'sources: [dco]' }) })).json.problems;
    expect(ref[0]!.hint).toBe('Did you mean "doc"? Otherwise add src/content/sources/dco.* or fix the id.');
  });

  it('a claim that fails its schema is still held to the claim rules in the same run', () => {
    const r = checkJson(makeTree({ [CLAIM]: claimWith({ service: 'servce: Example storage', asOf: null }) }));
    expect(r.json.problems.map((p) => `${p.line}:${p.code}`)).toEqual(['4:unknown-key', '12:claim-needs-as-of']);
  });

  it('a provisional claim may be TBD', () => {
    const r = checkJson(makeTree({ [CLAIM]: claimWith({ '  value': '  value: TBD', status: 'status: provisional' }) }));
    expect(r.json.problems).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('fieldkit check: many broken files in one run', () => {
  const dir = makeTree({
    'src/content/sources/doc.yaml': 'owner: lead\ntitle: "unclosed\n',
    [CLAIM]: claimWith({ category: 'category: thruput', asOf: 'asOf: 2027-01-01' }),
    'src/content/plays/checkpoint.md': BASE_TREE['src/content/plays/checkpoint.md']!.replace('status: draft', 'status: done').replace('owner: lead', 'owner: ghost'),
    'src/content/clouds/azure.md': BASE_TREE['src/content/clouds/azure.md']!.replace('short: Example\n', ''),
    'src/content/people/extra.yaml': 'name: Someone\nrole: x\nemail: a@b.c\n',
    'src/content/frds/customer-x-y-20260101.md': '---\nowner: lead\n---\n',
  });

  it('reports every problem in every file, sorted by file and line', () => {
    const r = checkJson(dir);
    expect(r.code).toBe(1);
    const files = [...new Set(r.json.problems.map((p) => p.file))];
    expect(files).toEqual([
      'src/content/claims/azure/ingress.yaml',
      'src/content/clouds/azure.md',
      'src/content/frds/customer-x-y-20260101.md',
      'src/content/people/extra.yaml',
      'src/content/plays/checkpoint.md',
      'src/content/sources/doc.yaml',
    ]);
    const codes = r.json.problems.map((p) => `${p.file.split('/').pop()}:${p.line}:${p.code}`);
    expect(codes).toContain('ingress.yaml:5:bad-enum');
    expect(codes).toContain('ingress.yaml:14:future-date');
    // doc.yaml is broken but exists: the claim citing it is not also blamed for a dangling reference.
    expect(codes.filter((c) => c.startsWith('ingress.yaml'))).toEqual(['ingress.yaml:5:bad-enum', 'ingress.yaml:14:future-date']);
    expect(codes).toContain('azure.md:2:missing-field');
    expect(codes).toContain('extra.yaml:3:unknown-key');
    expect(codes).toContain('checkpoint.md:2:dangling-ref');
    expect(codes).toContain('checkpoint.md:10:bad-enum');
    expect(codes).toContain('doc.yaml:2:yaml-syntax');
    expect(codes.filter((c) => c.startsWith('customer-x-y')).length).toBeGreaterThanOrEqual(4);
  });

  it('text format groups by file with counts and ends with a summary', () => {
    const r = fieldkit(['check', '--root', dir, '--now', '2026-11-26']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^src\/content\/claims\/azure\/ingress\.yaml \(2 problems\)$/m);
    expect(r.stdout).toMatch(/^ {2}5:11 {2}error {2}category is not one of the allowed values {2}\[bad-enum\]$/m);
    expect(r.stdout).toMatch(/^ {6}expected: one of: throughput, latency, operations, scale, cost$/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^checked 7 files: \d+ errors, 0 warnings in 6 files$/);
  });

  it('github format emits one workflow annotation per problem', () => {
    const r = fieldkit(['check', '--root', dir, '--now', '2026-11-26', '--format', 'github']);
    const json = checkJson(dir).json;
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(json.problems.length);
    expect(annotations).toContain(
      '::error file=src/content/claims/azure/ingress.yaml,line=5,col=11,title=bad-enum (category)::category is not one of the allowed values%0Aexpected one of: throughput, latency, operations, scale, cost%0Afound "thruput"%0Afix: Use one of: throughput, latency, operations, scale, cost.',
    );
  });
});

describe('fieldkit check: usage', () => {
  it('an unknown format is a usage error (exit 2)', () => {
    const r = fieldkit(['check', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be one of: text, github, json (got xml)');
  });
  it('a malformed --now is a usage error (exit 2)', () => {
    const r = fieldkit(['check', '--now', '26/11/2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--now must be a date written YYYY-MM-DD');
  });
  it('a root without src/content is a usage error (exit 2)', () => {
    const r = fieldkit(['check', '--root', '/nonexistent-fieldkit-root']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no content folder at /nonexistent-fieldkit-root/src/content');
  });
  it('an unknown command says so in one line and points at help (exit 2)', () => {
    const r = fieldkit(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fieldkit: unknown command "frobnicate"; ./fieldkit help lists them\n');
  });
});
