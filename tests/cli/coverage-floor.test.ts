/** The coverage line `./fieldkit test` prints after the unit tests, and when it is a failure. */
import { describe, expect, it } from 'vitest';
import { coverageVerdict } from '../../cli/test.ts';
import { COVERAGE_FLOOR } from '../../vitest.config.ts';

const total = (lines: number, branches: number) => ({ lines: { pct: lines }, branches: { pct: branches } });

describe('coverage floor', () => {
  it('is 90 % of lines and 80 % of branches of src/lib', () => {
    expect(COVERAGE_FLOOR).toEqual({ lines: 90, branches: 80 });
  });
  it('at or above the floor: the numbers and the floor, nothing below', () => {
    expect(coverageVerdict(total(95.64, 80), { lines: 90, branches: 80 })).toEqual({
      line: 'coverage of src/lib: 95.64 % of lines, 80 % of branches (floor: 90 % of lines, 80 % of branches)',
      below: [],
    });
  });
  it('below the floor: says for which', () => {
    expect(coverageVerdict(total(89.99, 79.9), { lines: 90, branches: 80 })).toEqual({
      line: 'coverage of src/lib: 89.99 % of lines, 79.9 % of branches (floor: 90 % of lines, 80 % of branches): BELOW the floor for lines and branches',
      below: ['lines', 'branches'],
    });
    expect(coverageVerdict(total(91, 70), { lines: 90, branches: 80 }).below).toEqual(['branches']);
  });
  it('a kit without a floor: only the numbers', () => {
    expect(coverageVerdict(total(50, 40))).toEqual({ line: 'coverage of src/lib: 50 % of lines, 40 % of branches', below: [] });
  });
});
