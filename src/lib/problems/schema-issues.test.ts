/**
 * Zod issues turned into findings an author can act on, one Zod issue kind at a time, on a small
 * schema built here: field path, code, message, expected, found and hint are Fieldkit's words.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { issueToFindings, keysAt } from './schema-issues.ts';

const schema = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['vendor-doc', 'measurement']),
  when: z.iso.date(),
  url: z.url({ protocol: /^https?$/ }),
  count: z.number().int().max(10),
  tags: z.array(z.string()).min(1),
  code: z.string().regex(/^[A-Z]{3}$/, { error: 'three capital letters' }),
  value: z.union([z.number(), z.literal('TBD')], { error: 'a number, or TBD' }),
  metric: z.strictObject({ unit: z.string(), better: z.enum(['higher', 'lower']).optional() }).optional(),
  rows: z.array(z.strictObject({ label: z.string() })).optional(),
  checked: z.string().refine((s) => s !== 'bad', { error: 'not "bad"' }).optional(),
});

const GOOD = { name: 'A', kind: 'vendor-doc', when: '2026-01-31', url: 'https://example.com/', count: 3, tags: ['x'], code: 'ABC', value: 5 };

/** The findings for `data` without `severity` and `file` (always error, always the file given). */
function findings(data: Record<string, unknown>) {
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) return [];
  return r.error.issues.flatMap((i) => issueToFindings(i as never, 'src/content/x.yaml', schema)).map((f) => {
    expect([f.severity, f.file]).toEqual(['error', 'src/content/x.yaml']);
    const { severity: _s, file: _f, ...rest } = f;
    return rest;
  });
}

describe('issueToFindings', () => {
  it('a good entry has no findings', () => {
    expect(findings(GOOD)).toEqual([]);
  });

  it('an unknown key: the keys allowed there, and the near one to rename to', () => {
    // toMatchObject: the finding may carry more structure (e.g. the suggestion as a field)
    expect(findings({ ...GOOD, metric: { unit: 'ms', beter: 'lower' } })).toMatchObject([{
      code: 'unknown-key', path: ['metric', 'beter'], atKey: true, message: 'unknown key "beter" in metric',
      expected: 'one of: unit, better', found: 'beter', hint: 'Did you mean "better"? Rename the key.',
    }]);
    expect(findings({ ...GOOD, zzzzzz: 1 })[0]).toMatchObject({ message: 'unknown key "zzzzzz"', hint: 'Remove the key or fix its spelling.' });
  });

  it('a missing field: on the parent, with what to add', () => {
    const { name: _n, ...noName } = GOOD;
    expect(findings(noName)).toMatchObject([{
      code: 'missing-field', path: [], atKey: false, message: 'missing required field "name"',
      expected: 'name: string', found: 'nothing', hint: 'Add `name:` with a string.',
    }]);
  });

  it('a number written as text: the unit goes in its own field', () => {
    expect(findings({ ...GOOD, count: '3 GB' })).toEqual([{
      code: 'wrong-type', path: ['count'], message: 'count should be a number',
      expected: 'number', found: '"3 GB"', hint: 'Write the number without quotes or units; the unit goes in its own field.',
    }]);
  });

  it('a list where a mapping belongs, and a mapping where text belongs', () => {
    expect(findings({ ...GOOD, metric: [] })[0]).toMatchObject({ code: 'wrong-type', message: 'metric should be an object', found: 'a list', hint: 'Write an object here.' });
    expect(findings({ ...GOOD, name: { a: 1 } })[0]).toMatchObject({ code: 'wrong-type', found: 'a mapping' });
    expect(findings({ ...GOOD, name: null })[0]).toMatchObject({ code: 'wrong-type', found: 'null (an empty value)' });
  });

  it('a value outside the enum: the allowed values and the near one', () => {
    expect(findings({ ...GOOD, kind: 'measurment' })).toEqual([{
      code: 'bad-enum', path: ['kind'], message: 'kind is not one of the allowed values',
      expected: 'one of: vendor-doc, measurement', found: '"measurment"', hint: 'Did you mean "measurement"?',
    }]);
    expect(findings({ ...GOOD, kind: 'blog' })[0]!.hint).toBe('Use one of: vendor-doc, measurement.');
  });

  it('a date that does not exist, a URL of another scheme, a pattern with its own words', () => {
    expect(findings({ ...GOOD, when: '2025-02-30' })).toEqual([{
      code: 'bad-date', path: ['when'], message: 'when is not a real date', expected: 'a calendar date written YYYY-MM-DD',
      found: '"2025-02-30"', hint: 'Check the day exists in that month (2025-02-30 does not) and use YYYY-MM-DD.',
    }]);
    expect(findings({ ...GOOD, url: 'ftp://example.com/x' })[0]).toMatchObject({ code: 'bad-url', message: 'url is not an http(s) URL', found: '"ftp://example.com/x"' });
    expect(findings({ ...GOOD, code: 'abc' })).toEqual([{
      code: 'invalid-value', path: ['code'], message: 'code does not have the expected form', expected: 'three capital letters', found: '"abc"', hint: 'Write three capital letters.',
    }]);
  });

  it('a union with its own words: the wrong form, and when missing', () => {
    expect(findings({ ...GOOD, value: 'lots' })).toEqual([{
      code: 'wrong-type', path: ['value'], message: 'value has the wrong form', expected: 'a number, or TBD', found: '"lots"', hint: 'Write a number, or TBD.',
    }]);
    const { value: _v, ...noValue } = GOOD;
    expect(findings(noValue)).toEqual([{
      code: 'missing-field', path: [], message: 'missing required field "value"', expected: 'value: a number, or TBD', found: 'nothing', hint: 'Add `value:`: a number, or TBD.',
    }]);
  });

  it('sizes: too few items, too short, above the maximum', () => {
    expect(findings({ ...GOOD, tags: [] })[0]).toMatchObject({ code: 'invalid-value', path: ['tags'], message: 'tags has too few items', found: 'a list' });
    expect(findings({ ...GOOD, name: '' })[0]).toMatchObject({ code: 'invalid-value', message: 'name is too short', found: '""' });
    expect(findings({ ...GOOD, count: 11 })[0]).toMatchObject({ code: 'invalid-value', message: 'count is above the maximum', found: 'number 11' });
  });

  it('a refinement: its own words as message and expected', () => {
    expect(findings({ ...GOOD, checked: 'bad' })).toEqual([{
      code: 'invalid-value', path: ['checked'], message: 'checked: not "bad"', expected: 'not "bad"', found: '"bad"', hint: 'Fix the value as described.',
    }]);
  });
});

describe('keysAt', () => {
  it('the keys of the object at a path, through optional wrappers and list items', () => {
    expect(keysAt(schema, [])).toEqual(['name', 'kind', 'when', 'url', 'count', 'tags', 'code', 'value', 'metric', 'rows', 'checked']);
    expect(keysAt(schema, ['metric'])).toEqual(['unit', 'better']);
    expect(keysAt(schema, ['rows', 0])).toEqual(['label']);
    expect(keysAt(schema, ['name'])).toEqual([]);
    expect(keysAt(schema, ['metric', 'unit', 'x'])).toEqual([]);
    expect(keysAt(z.record(z.string(), z.strictObject({ a: z.string() })), ['any'])).toEqual(['a']);
  });
});
