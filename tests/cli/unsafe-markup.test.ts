/**
 * Issue 13: prose is untrusted. Each payload that ran JavaScript or made the browser fetch
 * another site, appended to a partner-visible play, makes `check` fail with `unsafe-markup` at
 * the line where it was written; and a schema error in the frontmatter hides nothing.
 */
import { describe, expect, it } from 'vitest';
import { BASE_TREE, checkJson, makeTree } from '../helpers.ts';
import { renderMarkdown } from '../../src/node/content-fs.ts';
import { sanitizeProse } from '../../src/lib/safety/sanitize.ts';
import { payloads } from '../payloads.ts';

const PLAY = 'src/content/plays/checkpoint.md';
/** The play, visible to partners; its body is "Talk track." on line 13. */
const PARTNER_PLAY = BASE_TREE[PLAY]!.replace('status: draft', 'status: draft\naudience: partner');
const BODY_END = 13;

const PAYLOADS = payloads();

function treeWith(body: string) {
  return makeTree({ [PLAY]: PARTNER_PLAY.replace('Talk track.\n', `Talk track.\n\n${body}\n`) });
}

describe('check: unsafe markup in a partner-visible play', () => {
  it.each(PAYLOADS)('$name', ({ md, line, message }) => {
    const r = checkJson(treeWith(md));
    expect(r.code).toBe(1);
    const found = r.json.problems.filter((p) => p.code === 'unsafe-markup').map((p) => ({ file: p.file, line: p.line, message: p.message }));
    expect(found).toEqual([{ file: PLAY, line: BODY_END + 2 + line, message }]);
  });

  it('reports every payload of one body at its own line', () => {
    // Each payload distinct (as in real prose), so each finding has one right line.
    const body = PAYLOADS.map((p, i) => p.md.replace('alert(1)', `alert(${i + 1})`)).join('\n\n');
    const r = checkJson(treeWith(body));
    expect(r.code).toBe(1);
    let start = BODY_END + 2;
    const expected = PAYLOADS.map((p) => {
      const at = { line: start + p.line, message: p.message };
      start += p.md.split('\n').length + 1;
      return at;
    });
    const found = r.json.problems.filter((p) => p.code === 'unsafe-markup').map((p) => ({ line: p.line, message: p.message }));
    expect(found).toEqual(expected);
  });

  it('an unquoted remote <img> in its own paragraph renders as text and a link, never as an image', () => {
    const html = sanitizeProse(renderMarkdown('<img src=http://198.51.100.7/i.png>\n'), { remoteImageHosts: [] });
    expect(html).not.toMatch(/<img/);
  });

  it('passes legitimate prose: headings, tables, task lists, code, claim links, local images', () => {
    const body = '## Why we win\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\n```sh\necho hi\n```\n\nSee [the limit](claim:azure/ingress) and [docs](https://example.com/a), ![d](/images/d.png).';
    const r = checkJson(treeWith(body));
    expect(r.json.problems).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('check: a frontmatter schema error hides nothing in the body', () => {
  it('reports the schema error, the unsafe markup and the unknown claim link in one run', () => {
    const broken = PARTNER_PLAY.replace('status: draft', 'status: drafty')
      .replace('Talk track.\n', 'Talk track with [a figure](claim:azure/ingres).\n\n<img src=x\nonerror="alert(1)">\n');
    const r = checkJson(makeTree({ [PLAY]: broken }));
    expect(r.code).toBe(1);
    const found = r.json.problems.filter((p) => p.file === PLAY).map((p) => ({ code: p.code, line: p.line }));
    expect(found).toEqual([
      { code: 'bad-enum', line: 10 },
      { code: 'unknown-claim-link', line: 13 },
      { code: 'unsafe-markup', line: 16 },
    ]);
  });
});
