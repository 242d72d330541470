import { describe, expect, it } from 'vitest';
import { cents, count, money, moneyShort, num, parseNumber, percent, perTB, readNumber } from './numbers.ts';
import { lowerFirst, plural } from './text.ts';

describe('the one number parser (TCO calculator and triage)', () => {
  it('reads plain, signed, decimal, exponent and grouped numbers', () => {
    expect(parseNumber('60')).toBe(60);
    expect(parseNumber(' 0.0806 ')).toBe(0.0806);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('0.5')).toBe(0.5);
    expect(parseNumber('-0.2')).toBe(-0.2);
    expect(parseNumber('1e6')).toBe(1_000_000);
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('1,000,000')).toBe(1_000_000);
    expect(parseNumber('12,500.75')).toBe(12_500.75);
    expect(parseNumber('1 000')).toBe(1000);
    expect(parseNumber('10 000')).toBe(10_000);
    expect(parseNumber('10_000.5')).toBe(10_000.5);
    expect(parseNumber(42)).toBe(42);
  });

  it('refuses a decimal comma rather than guess (not 5, not 0.5), and says what to write', () => {
    expect(readNumber('0,5')).toEqual({ ok: false, reason: 'not-a-number', hint: 'write 0.5 with a decimal point (a comma only groups thousands, as in 1,000)' });
    expect(readNumber('12,75')).toEqual({ ok: false, reason: 'not-a-number', hint: 'write 12.75 with a decimal point (a comma only groups thousands, as in 1,000)' });
    expect(parseNumber('1,5')).toBeUndefined();
    expect(parseNumber('1,00')).toBeUndefined();
  });

  it('refuses what is not a number, blank apart', () => {
    expect(readNumber('  ')).toEqual({ ok: false, reason: 'blank' });
    for (const s of ['abc', '12 TB', '12ms', '12.5k', '0x10', 'Infinity', '1.2.3', '--1', '1e999']) {
      expect(readNumber(s), s).toEqual({ ok: false, reason: 'not-a-number' });
    }
    expect(parseNumber(Number.NaN)).toBeUndefined();
    expect(parseNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

describe('the one set of formatters (page, printed kit, slide)', () => {
  it('writes money short with K, M and B and at most three significant digits', () => {
    expect(moneyShort(950)).toBe('$950');
    expect(moneyShort(12_500)).toBe('$12.5K');
    expect(moneyShort(1_911_844)).toBe('$1.91M');
    expect(moneyShort(45_000_000)).toBe('$45M');
    expect(moneyShort(1_050_000_000)).toBe('$1.05B');
    expect(moneyShort(-2_000)).toBe('-$2K');
    expect(moneyShort(0)).toBe('$0');
  });

  it('writes whole dollars, cents, prices per TB, counts, decimals and percentages', () => {
    expect(money(1_911_843.6)).toBe('$1,911,844');
    expect(cents(36.364)).toBe('$36.36');
    expect(perTB(36.364)).toBe('$36.36/TB');
    expect(count(1200)).toBe('1,200');
    expect(num(1234.5678)).toBe('1,234.57');
    expect(num(0.0000125, 6)).toBe('0.000013');
    expect(percent(0.25)).toBe('25 %');
  });

  it('one plural and one lowerFirst', () => {
    expect(plural(1, 'play')).toBe('1 play');
    expect(plural(3, 'play')).toBe('3 plays');
    expect(plural(1200, 'claim')).toBe('1,200 claims');
    expect(plural(2, 'value moved', 'values moved')).toBe('2 values moved');
    expect(lowerFirst('Drive price')).toBe('drive price');
    expect(lowerFirst('SSD price')).toBe('SSD price');
  });
});
