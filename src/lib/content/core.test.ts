import { describe, expect, it } from 'vitest';
import { addDays, freshnessOf } from '../checks/freshness.ts';
import { entryId } from './ids.ts';
import { closest, valuesAt } from '../checks/integrity.ts';
import { parseContentFile } from './parse.ts';
import { validateContent } from './validate.ts';
import { checkExitCode, type Problem } from '../problems/problems.ts';
import { formatGithub, formatText } from '../problems/report.ts';
import { formatValue } from '../site/views.ts';

describe('entryId', () => {
  it.each([
    ['azure.md', 'azure'],
    ['azure/Account-Ingress.yaml', 'azure/account-ingress'],
    ['azure\\limits.yml', 'azure/limits'],
    ['./people/lead.yaml', 'people/lead'],
  ])('%s -> %s', (path, id) => expect(entryId(path)).toBe(id));
});

describe('freshness', () => {
  it('adds days across month and leap-year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', 180)).toBe('2026-06-30');
  });
  it('is stale only after the due date, counting from the later of reviewed and asOf', () => {
    expect(freshnessOf({ reviewed: '2026-01-01', reviewEvery: 180 }, '2026-06-30')).toEqual({ since: '2026-01-01', due: '2026-06-30', stale: false });
    expect(freshnessOf({ reviewed: '2026-01-01', reviewEvery: 180 }, '2026-07-01').stale).toBe(true);
    expect(freshnessOf({ reviewed: '2026-01-01', reviewEvery: 30, asOf: '2026-03-01' }, '2026-03-20')).toEqual({ since: '2026-03-01', due: '2026-03-31', stale: false });
  });
});

describe('valuesAt', () => {
  const data = { owner: 'a', list: ['x', 'y'], rows: [{ ref: 'p' }, { other: 1 }, { ref: 'q' }], map: { k1: { source: 's1' }, k2: { assumption: 'z' } } };
  it('walks * over arrays and maps and skips absent keys', () => {
    expect(valuesAt(data, 'owner')).toEqual([{ path: ['owner'], value: 'a' }]);
    expect(valuesAt(data, 'list.*')).toEqual([{ path: ['list', 0], value: 'x' }, { path: ['list', 1], value: 'y' }]);
    expect(valuesAt(data, 'rows.*.ref')).toEqual([{ path: ['rows', 0, 'ref'], value: 'p' }, { path: ['rows', 2, 'ref'], value: 'q' }]);
    expect(valuesAt(data, 'map.*.source')).toEqual([{ path: ['map', 'k1', 'source'], value: 's1' }]);
    expect(valuesAt(data, 'missing.*')).toEqual([]);
  });
});

describe('closest', () => {
  it('suggests near misses only', () => {
    expect(closest('servce', ['service', 'status'])).toBe('service');
    expect(closest('azure/ingres', ['azure/ingress', 'aws/limits'])).toBe('azure/ingress');
    expect(closest('completely-different', ['service', 'status'])).toBeUndefined();
  });
});

describe('parseContentFile', () => {
  it('locates nested values and keys in YAML', () => {
    const p = parseContentFile('a: 1\nmetric:\n  value: "60"\nlist:\n  - x\n  - y\n', 'data');
    expect(p.locate(['metric', 'value'])).toEqual({ line: 3, column: 10 });
    expect(p.locate(['metric', 'value'], { key: true })).toEqual({ line: 3, column: 3 });
    expect(p.locate(['list', 1])).toEqual({ line: 6, column: 5 });
    expect(p.locate(['metric', 'nope'])).toEqual({ line: 3, column: 3 });
  });
  it('offsets frontmatter positions by the opening fence and finds the body line', () => {
    const p = parseContentFile('---\ntitle: x\nstatus: y\n---\nBody line one.\n', 'prose');
    expect(p.data).toEqual({ title: 'x', status: 'y' });
    expect(p.locate(['status'])).toEqual({ line: 3, column: 9 });
    expect(p.bodyLine).toBe(5);
    expect(p.body).toBe('Body line one.\n');
  });
  it('points an unclosed quote at the quote, not at the end of the file', () => {
    const p = parseContentFile('a: 1\nb: "open\nc: 2\n', 'data');
    expect(p.syntax).toEqual([{ message: 'Missing closing "quote', pos: { line: 2, column: 4 } }]);
  });
  it('flags Markdown without frontmatter', () => {
    expect(parseContentFile('# Title\n', 'prose').missingFrontmatter).toBe(true);
  });
});

const problem = (over: Partial<Problem> = {}): Problem => ({
  code: 'bad-enum', severity: 'error', file: 'src/content/a.yaml', line: 3, column: 5, field: 'status',
  message: 'status is not one of the allowed values', expected: 'one of: a, b', found: '"c"', hint: 'Use one of: a, b.', ...over,
});

describe('reporters', () => {
  it('exit code: errors fail, warnings only with --strict', () => {
    expect(checkExitCode([], false)).toBe(0);
    expect(checkExitCode([problem({ severity: 'warning' })], false)).toBe(0);
    expect(checkExitCode([problem({ severity: 'warning' })], true)).toBe(1);
    expect(checkExitCode([problem()], false)).toBe(1);
  });
  it('text groups by file and counts', () => {
    const out = formatText([problem(), problem({ line: 9, severity: 'warning', code: 'stale', message: 'due' })], 4);
    expect(out).toBe([
      'src/content/a.yaml (2 problems)',
      '  3:5  error  status is not one of the allowed values  [bad-enum]',
      '      field:    status',
      '      expected: one of: a, b',
      '      found:    "c"',
      '      fix:      Use one of: a, b.',
      '  9:5  warning  due  [stale]',
      '      field:    status',
      '      expected: one of: a, b',
      '      found:    "c"',
      '      fix:      Use one of: a, b.',
      '',
      'checked 4 files: 1 error, 1 warning in 1 file',
      '',
    ].join('\n'));
  });
  it('github annotations escape newlines, commas and colons in properties', () => {
    const out = formatGithub([problem({ file: 'src/content/a,b.yaml', message: 'line1\nline2' })], 1);
    expect(out.split('\n')[0]).toBe('::error file=src/content/a%2Cb.yaml,line=3,col=5,title=bad-enum (status)::line1%0Aline2%0Aexpected one of: a, b%0Afound "c"%0Afix: Use one of: a, b.');
  });
});

describe('formatValue', () => {
  it('keeps TBD as TBD and groups thousands', () => {
    expect(formatValue('TBD', 'Gbps')).toBe('TBD');
    expect(formatValue(40000, 'requests/s')).toBe('40,000 requests/s');
    expect(formatValue(0.0806, '$/kWh')).toBe('0.0806 $/kWh');
  });
});

describe('parseContentFile: fast path and positioned path agree', () => {
  it('gives the same data as the yaml Document and still locates on demand', () => {
    const text = 'a: 1\nwhen: 2026-02-30\nflag: yes\nlist: [x, "y"]\nnested:\n  n: ~\n';
    const p = parseContentFile(text, 'data');
    // Core schema: dates and yes/no stay strings, ~ is null.
    expect(p.data).toEqual({ a: 1, when: '2026-02-30', flag: 'yes', list: ['x', 'y'], nested: { n: null } });
    expect(p.syntax).toEqual([]);
    expect(p.locate(['nested', 'n'])).toEqual({ line: 6, column: 6 });
  });
  it('falls back to the positioned parser for duplicate keys', () => {
    const p = parseContentFile('a: 1\na: 2\n', 'data');
    expect(p.data).toBeUndefined();
    expect(p.syntax).toEqual([{ message: 'Map keys must be unique', pos: { line: 2, column: 1 } }]);
  });
});

describe('a misspelt required key', () => {
  const check = (yaml: string) =>
    validateContent([{ path: 'src/content/people/ana.yaml', text: yaml }], { now: '2026-12-01' }).problems.map((p) => `${p.code} ${p.field}`);

  it('is reported once, as the unknown key that names the right spelling (not again as missing)', () => {
    expect(check('nmae: Ana\nrole: SE\n')).toEqual(['unknown-key nmae']);
  });

  it('an unknown key too far from any field explains nothing: the missing field is still reported', () => {
    expect(check('zzzzzz: Ana\nrole: SE\n')).toEqual(['missing-field ', 'unknown-key zzzzzz']);
  });
});
