/**
 * The positioned parse at its edges: frontmatter fences, byte-order marks, aliases (shared,
 * self-containing, too many), an unclosed single quote, and locating past the end of a path.
 */
import { describe, expect, it } from 'vitest';
import { MAX_YAML_ALIASES, parseContentFile } from './parse.ts';

describe('frontmatter fences', () => {
  it('a byte-order mark before the first fence is ignored', () => {
    const p = parseContentFile('\uFEFF---\ntitle: x\n---\nBody.\n', 'prose');
    expect([p.data, p.body, p.bodyLine, p.syntax]).toEqual([{ title: 'x' }, 'Body.\n', 4, []]);
  });
  it('CRLF fences are fences', () => {
    expect(parseContentFile('---\r\ntitle: x\r\n---\r\nBody.\r\n', 'prose').data).toEqual({ title: 'x' });
  });
  it('frontmatter never closed: an error on line 1 that says what to add', () => {
    const p = parseContentFile('---\ntitle: x\nBody.\n', 'prose');
    expect(p.data).toBeUndefined();
    expect(p.syntax).toEqual([{ message: 'the frontmatter opened by `---` on line 1 is never closed: add a line that is exactly `---` after the last field', pos: { line: 1, column: 1 } }]);
    expect(p.locate(['title'])).toEqual({ line: 1, column: 1 });
  });
  it('a closing line that only starts with --- is refused where it is', () => {
    const p = parseContentFile('---\ntitle: x\n--- # end\nBody.\n', 'prose');
    expect(p.syntax).toEqual([{ message: 'a line starting with `---` ends the frontmatter and must be exactly `---`, found `--- # end`', pos: { line: 3, column: 1 } }]);
  });
  it('without frontmatter, the body is the whole file from line 1 and locating gives line 1', () => {
    const p = parseContentFile('# Title\n', 'prose');
    expect([p.body, p.bodyLine, p.locate(['x'])]).toEqual(['# Title\n', 1, { line: 1, column: 1 }]);
  });
});

describe('aliases', () => {
  it('a few aliases are read as copies, positions still found', () => {
    const p = parseContentFile('base: &b {unit: ms}\na: *b\nb: *b\n', 'data');
    expect(p.syntax).toEqual([]);
    expect(p.data).toEqual({ base: { unit: 'ms' }, a: { unit: 'ms' }, b: { unit: 'ms' } });
    expect(p.locate(['b'])).toEqual({ line: 3, column: 4 });
  });
  it('an alias inside the node it names is refused at the alias', () => {
    const p = parseContentFile('a: &x [1, *x]\n', 'data');
    expect(p.data).toBeUndefined();
    expect(p.syntax).toEqual([{ message: 'an alias refers to the node that contains it, so the data would contain itself', pos: { line: 1, column: 11 }, limit: true }]);
  });
  it(`more than ${MAX_YAML_ALIASES} aliases are refused at the first one over`, () => {
    const text = `a: &x 1\nlist:\n${Array.from({ length: 101 }, () => '  - *x').join('\n')}\n`;
    const p = parseContentFile(text, 'data');
    expect(p.data).toBeUndefined();
    expect(p.syntax).toEqual([{ message: '101 aliases (*name), more than the 100 a file may use', pos: { line: 103, column: 5 }, limit: true }]);
  });
  it('shell lines with && and 2>&1 are not anchors: the fast path reads them', () => {
    expect(parseContentFile('run: make && ./x 2>&1 | tee *.log\n', 'data').data).toEqual({ run: 'make && ./x 2>&1 | tee *.log' });
  });
});

describe('syntax errors and locating', () => {
  it('an unclosed single quote points at the opening quote', () => {
    const p = parseContentFile("a: 1\nb: 'open\nc: 2\n", 'data');
    expect(p.syntax.map((s) => s.pos)).toEqual([{ line: 2, column: 4 }]);
    expect(p.syntax[0]!.message).toMatch(/closing 'quote/);
  });
  it('a path past what exists falls back to the nearest parent', () => {
    const p = parseContentFile('metric:\n  value: 1\nlist: [a]\n', 'data');
    expect(p.locate(['metric', 'nope'])).toEqual({ line: 2, column: 3 });
    expect(p.locate(['list', 5])).toEqual({ line: 3, column: 7 });
    expect(p.locate(['metric', 'value', 'deeper'])).toEqual({ line: 2, column: 10 });
  });
  it('an empty data file is null data, not an error', () => {
    expect([parseContentFile('', 'data').data, parseContentFile('', 'data').syntax]).toEqual([null, []]);
  });
});
