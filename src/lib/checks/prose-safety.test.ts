/**
 * What the sanitizer would drop from prose is an error at the line that wrote it. The renderer is
 * injected; here it passes the body through as HTML (raw HTML is what Markdown passes through too),
 * so the lines below are the source lines. The play's body starts on line 12 of its file (after
 * ten frontmatter lines between the two fences).
 */
import { describe, expect, it } from 'vitest';
import { BASE_TREE } from '../../../tests/helpers.ts';
import { validateContent } from '../content/validate.ts';
import { checkProseSafety } from './integrity.ts';

const PLAY = 'src/content/plays/checkpoint.md';

function unsafe(body: string, remoteImageHosts: string[] = []) {
  const tree = { ...BASE_TREE, [PLAY]: BASE_TREE[PLAY]!.replace('Talk track.\n', `${body}\n`) };
  const files = Object.entries(tree).map(([path, text]) => ({ path, text }));
  return validateContent(files, { now: '2026-11-26', renderMarkdown: (b) => b, remoteImageHosts }).problems
    .filter((p) => p.code === 'unsafe-markup')
    .map((p) => ({ line: p.line, column: p.column, message: p.message, found: p.found }));
}

describe('unsafe markup in prose', () => {
  it('plain text and a safe link: nothing', () => {
    expect(unsafe('Talk track with <a href="https://example.com/">a link</a> and <a href="/plays/">a page</a>.')).toEqual([]);
  });

  it('a script tag, an event handler and a javascript: link, each on its own line', () => {
    expect(unsafe([
      'First line.',
      '<script>alert(1)</script>',
      '<img src="chart.png" alt="c" onerror="alert(2)">',
      'See <a href="javascript:alert(3)">this</a>.',
    ].join('\n'))).toEqual([
      { line: 13, column: 1, message: 'the prose contains a raw <script> tag', found: '<script>' },
      { line: 14, column: 30, message: 'the prose contains an inline event handler (onerror=)', found: 'onerror="alert(2)"' },
      { line: 15, column: 14, message: 'the prose contains a javascript: link', found: 'href="javascript:alert(3)"' },
    ]);
  });

  it('a style attribute and a remote image, unless its host is allowed', () => {
    expect(unsafe('<p style="color: red">Red</p>\n<img src="https://cdn.example.com/a.png" alt="a">')).toEqual([
      { line: 12, column: 4, message: 'the prose contains a style attribute', found: 'style="color: red"' },
      { line: 13, column: 11, message: 'the prose contains a remote image from cdn.example.com', found: 'src="https://cdn.example.com/a.png"' },
    ]);
    expect(unsafe('<img src="https://cdn.example.com/a.png" alt="a">', ['cdn.example.com'])).toEqual([]);
  });

  it('a protocol-relative link names its host', () => {
    expect(unsafe('<a href="//evil.example.net/x">x</a>').map((p) => p.message)).toEqual(['the prose contains a protocol-relative link (evil.example.net)']);
  });

  it('bodies outside the snapshot are checked too; an empty body is skipped', () => {
    const snapshot = validateContent(Object.entries(BASE_TREE).map(([path, text]) => ({ path, text })), { now: '2026-11-26' }).snapshot;
    const found = checkProseSafety(snapshot, (b) => b, { remoteImageHosts: [] }, [
      { file: 'src/content/plays/broken.md', body: 'ok\n<iframe src="https://x.example"></iframe>', bodyLine: 5 },
      { file: 'src/content/plays/empty.md', body: '  \n' },
    ]);
    expect(found.map((f) => [f.file, f.pos, f.message])).toEqual([
      ['src/content/plays/broken.md', { line: 6, column: 1 }, 'the prose contains a raw <iframe> tag'],
    ]);
  });
});
