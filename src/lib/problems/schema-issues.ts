/**
 * Turns Zod issues into findings an author can act on: the field, what was expected, what was
 * found, and a hint. Error text is UX: it is pinned by tests.
 */
import type { z } from 'astro/zod';
import { closest, type FieldPath, type Finding } from '../checks/integrity.ts';

type Issue = z.core.$ZodIssue & { input?: unknown };

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null (an empty value)';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return `the date ${v.toISOString().slice(0, 10)}`;
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v.length > 60 ? `${v.slice(0, 57)}...` : v}"`;
  return `${typeof v} ${String(v)}`;
}

/** The keys an object schema accepts at `path`, for "did you mean" hints. */
export function keysAt(schema: z.ZodType, path: FieldPath): string[] {
  let s: any = schema;
  const unwrap = () => {
    for (let i = 0; i < 10 && s; i++) {
      const def = s._zod?.def;
      if (!def) return;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') s = def.innerType;
      else if (def.type === 'pipe') s = def.in?._zod?.def?.type === 'transform' ? def.out : def.in;
      else return;
    }
  };
  unwrap();
  for (const seg of path) {
    const def = s?._zod?.def;
    if (!def) return [];
    if (def.type === 'object') s = def.shape[seg as string];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return [];
    unwrap();
  }
  const def = s?._zod?.def;
  return def?.type === 'object' ? Object.keys(def.shape) : [];
}

export function issueToFindings(issue: Issue, file: string, schema: z.ZodType): Finding[] {
  const path = issue.path as FieldPath;
  const field = path.join('.');
  const base = { severity: 'error' as const, file };
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(schema, path);
      return issue.keys.map((key) => {
        const near = closest(key, allowed);
        return {
          ...base, code: 'unknown-key' as const, path: [...path, key], atKey: true,
          message: `unknown key "${key}"${field ? ` in ${field}` : ''}`,
          expected: allowed.length ? `one of: ${allowed.join(', ')}` : 'no other keys',
          found: key,
          hint: near ? `Did you mean "${near}"? Rename the key.` : 'Remove the key or fix its spelling.',
          ...(near ? { suggestion: near } : {}),
        };
      });
    }
    case 'invalid_type': {
      if (issue.input === undefined) {
        return [{
          ...base, code: 'missing-field', path: path.slice(0, -1), missing: path, atKey: false,
          message: `missing required field "${field}"`,
          expected: `${field}: ${issue.expected}`, found: 'nothing',
          hint: `Add \`${String(path.at(-1))}:\` with ${article(issue.expected)}.`,
        }];
      }
      return [{
        ...base, code: 'wrong-type', path,
        message: `${field || 'the entry'} should be ${article(issue.expected)}`,
        expected: issue.expected, found: describe(issue.input),
        hint: issue.expected === 'number' && typeof issue.input === 'string'
          ? 'Write the number without quotes or units; the unit goes in its own field.'
          : `Write ${article(issue.expected)} here.`,
      }];
    }
    case 'invalid_union': {
      if (issue.input === undefined) {
        return [{
          ...base, code: 'missing-field', path: path.slice(0, -1),
          message: `missing required field "${field}"`,
          expected: `${field}: ${issue.message}`, found: 'nothing',
          hint: `Add \`${String(path.at(-1))}:\`: ${issue.message}.`,
        }];
      }
      return [{
        ...base, code: 'wrong-type', path,
        message: `${field} has the wrong form`,
        expected: issue.message, found: describe(issue.input),
        hint: `Write ${issue.message}.`,
      }];
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      // a mapping such as {toString: 1} cannot even be turned into text: no suggestion then
      const near = typeof issue.input !== 'object' ? closest(String(issue.input), values) : undefined;
      return [{
        ...base, code: 'bad-enum', path,
        message: `${field} is not one of the allowed values`,
        expected: `one of: ${values.join(', ')}`, found: describe(issue.input),
        hint: near ? `Did you mean "${near}"?` : `Use one of: ${values.join(', ')}.`,
      }];
    }
    case 'invalid_format': {
      const fmt = issue.format;
      if (fmt === 'date') {
        return [{
          ...base, code: 'bad-date', path,
          message: `${field} is not a real date`,
          expected: 'a calendar date written YYYY-MM-DD', found: describe(issue.input),
          hint: 'Check the day exists in that month (2025-02-30 does not) and use YYYY-MM-DD.',
        }];
      }
      if (fmt === 'url') {
        return [{
          ...base, code: 'bad-url', path,
          message: `${field} is not an http(s) URL`,
          expected: 'an absolute URL starting with https:// (or http://)', found: describe(issue.input),
          hint: 'Paste the full address from the browser; other schemes (javascript:, file:, ftp:) are refused.',
        }];
      }
      return [{
        ...base, code: 'invalid-value', path,
        message: `${field} does not have the expected form`,
        expected: issue.message, found: describe(issue.input),
        hint: `Write ${issue.message}.`,
      }];
    }
    case 'too_small':
    case 'too_big': {
      // Zod's own words ("Too small: expected number to be >=1") are not for people; a schema's
      // custom message is, and is kept.
      const bound = /^Too (small|big):/.test(issue.message) ? boundText(issue) : issue.message;
      return [{
        ...base, code: 'invalid-value', path,
        message: `${field || 'the entry'} ${sizeProblem(issue.code, issue.origin)}`,
        expected: bound, found: describe(issue.input),
        hint: issue.origin === 'array' ? `Give ${bound}.` : `Use a value that fits: ${bound}.`,
      }];
    }
    default: {
      return [{
        ...base, code: 'invalid-value', path,
        message: `${field || 'the entry'}: ${issue.message}`,
        expected: issue.message, found: describe(issue.input),
        hint: 'Fix the value as described.',
      }];
    }
  }
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

/** "a number of at least 1", "at most 3 items", "at least 1 character": the bound in words. */
function boundText(issue: { code: string; origin?: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean }): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const cmp = small ? (inclusive ? 'at least' : 'more than') : (inclusive ? 'at most' : 'less than');
  const unit = (one: string, many: string) => `${cmp} ${limit} ${limit === 1 ? one : many}`;
  if (issue.origin === 'array' || issue.origin === 'set') return unit('item', 'items');
  if (issue.origin === 'string') return unit('character', 'characters');
  if (issue.origin === 'date') return `a date ${small ? 'on or after' : 'on or before'} ${String(small ? issue.minimum : issue.maximum)}`;
  return `a number ${cmp} ${limit}`;
}

function sizeProblem(code: 'too_small' | 'too_big', origin: string): string {
  const small = code === 'too_small';
  if (origin === 'array' || origin === 'set') return small ? 'has too few items' : 'has too many items';
  if (origin === 'string') return small ? 'is too short' : 'is too long';
  return small ? 'is below the minimum' : 'is above the maximum';
}
