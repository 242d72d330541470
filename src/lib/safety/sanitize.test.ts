/** The prose allow-list: what legitimate Markdown output keeps, and what an attacker's loses. */
import { describe, expect, it } from 'vitest';
import { proseDrops, sanitizeProse } from './sanitize.ts';
import { renderClaimLinks } from '../site/views.ts';
import { emptySnapshot } from '../content/snapshot.ts';

const NONE = { remoteImageHosts: [] as string[] };
const clean = (html: string) => sanitizeProse(html, NONE);

describe('sanitizeProse keeps what Markdown renders', () => {
  it.each([
    ['a heading with its id', '<h2 id="why-we-win">Why we win</h2>'],
    ['a task list', '<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" checked disabled /> done</li>\n</ul>'],
    ['a table', '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>'],
    ['code', '<pre><code class="language-sh">echo hi\n</code></pre>'],
    ['https, relative, fragment and claim links', '<p><a href="https://example.com/a">a</a> <a href="/claims/x/">b</a> <a href="#top">c</a> <a href="claim:azure/ingress">d</a></p>'],
    ['strikethrough, quotes, emphasis', '<p><del>old</del> “new” <em>x</em> <strong>y</strong></p><blockquote>\n<p>q</p>\n</blockquote>'],
    ['a local image', '<p><img src="/images/diagram.png" alt="diagram" /></p>'],
    ['a footnote', '<p>x<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup></p>'],
  ])('%s', (_name, html) => {
    expect(clean(html)).toBe(html);
    expect(proseDrops(html, NONE)).toEqual([]);
  });

  it('turns GFM table alignment into a class, not an inline style', () => {
    expect(clean('<td style="text-align: right">1</td>')).toBe('<td class="align-right">1</td>');
    expect(proseDrops('<td style="text-align: right">1</td>', NONE)).toEqual([]);
  });

  it('leaves claim links in the form renderClaimLinks replaces', () => {
    const out = renderClaimLinks(clean('<p>See <a href="claim:azure/ingress">the limit</a>.</p>'), emptySnapshot(), '2026-11-26');
    expect(out).toBe('<p>See <span class="claim-ref claim-ref--withheld">the limit <em>(withheld in this edition)</em></span>.</p>');
  });
});

describe('sanitizeProse removes what could run code or load another site', () => {
  it.each([
    ['script', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['iframe', '<iframe src="https://evil.example/"></iframe>', ''],
    ['style element', '<style>body{background:url(https://evil.example/)}</style>', ''],
    ['object and embed', '<object data="x.swf"></object><embed src="x.swf">', ''],
    ['form', '<form action="https://evil.example/"><button>go</button></form>', 'go'],
    ['base and meta', '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">', ''],
    ['svg with a handler', '<svg\nonload=alert(1)>', ''],
    ['multi-line onerror', '<img src=x\nonerror="alert(1)">', '<img src="x" />'],
    ['ontoggle', '<details open\nontoggle=alert(1)>x</details>', '<details open>x</details>'],
    ['javascript: href', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['entity-encoded scheme', '<a href="jav&#x61;script:alert(1)">x</a>', '<a>x</a>'],
    ['tab inside the scheme', '<a href="java&#9;script:alert(1)">x</a>', '<a>x</a>'],
    ['data: link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['protocol-relative link', '<a href="//evil.example/">x</a>', '<a>x</a>'],
    ['style attribute', '<span style="background:url(http://evil.example/b)">s</span>', '<span>s</span>'],
    ['remote image', '<p><img src="http://evil.example/p.png" alt="p" /></p>', '<p></p>'],
    ['protocol-relative image', '<p><img src="//evil.example/p.png" /></p>', '<p><img /></p>'],
    ['data: image', '<img src="data:image/svg+xml,<svg onload=alert(1)>">', '<img />'],
    ['srcset', '<img src="/a.png" srcset="https://evil.example/b.png 2x">', '<img src="/a.png" />'],
  ])('%s', (_name, html, expected) => {
    expect(clean(html)).toBe(expected);
  });

  it('lets images through from a host the site configuration names, and only that host', () => {
    const opts = { remoteImageHosts: ['images.example.com'] };
    expect(sanitizeProse('<img src="https://images.example.com/a.png" />', opts)).toBe('<img src="https://images.example.com/a.png" />');
    expect(sanitizeProse('<img src="https://images.example.com.evil.example/a.png" />', opts)).toBe('');
  });
});

describe('proseDrops names what the sanitizer removed, in document order', () => {
  it('reports elements, handlers, styles, URLs and remote images', () => {
    const html = [
      '<p>x</p><script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '<a href="jav&#x61;script:alert(3)">e</a>',
      '<span style="color:red">s</span>',
      '<img src="https://evil.example/p.png">',
    ].join('\n');
    expect(proseDrops(html, NONE)).toEqual([
      { kind: 'element', tag: 'script', what: 'a raw <script> tag' },
      { kind: 'attribute', tag: 'img', attribute: 'onerror', value: 'alert(2)', what: 'an inline event handler (onerror=)' },
      { kind: 'url', tag: 'a', attribute: 'href', value: 'javascript:alert(3)', what: 'a javascript: link' },
      { kind: 'attribute', tag: 'span', attribute: 'style', value: 'color:red', what: 'a style attribute' },
      { kind: 'remote-image', tag: 'img', attribute: 'src', value: 'https://evil.example/p.png', what: 'a remote image from evil.example' },
    ]);
  });
});
