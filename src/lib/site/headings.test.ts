import { describe, expect, it } from 'vitest';
import { anchorHeadings, headingId } from './headings.ts';

describe('anchorHeadings', () => {
  it('gives an h2 without an id one from its text, and links it to itself', () => {
    expect(anchorHeadings('<h2>Proof points</h2><p>x</p>')).toBe('<h2 id="proof-points"><a class="heading-anchor" href="#proof-points">Proof points</a></h2><p>x</p>');
  });
  it('keeps an existing id and the markup inside the heading', () => {
    expect(anchorHeadings('<h3 id="why">Why <em>we</em> win</h3>')).toBe('<h3 id="why"><a class="heading-anchor" href="#why">Why <em>we</em> win</a></h3>');
  });
  it('never repeats an id already on the page', () => {
    const out = anchorHeadings('<h2 id="plays">Plays</h2><section><h2>Plays</h2></section><h3>Plays</h3>', ['content']);
    expect(out.match(/id="[^"]+"/g)).toEqual(['id="plays"', 'id="plays-1"', 'id="plays-2"']);
    expect(anchorHeadings('<h2>Content</h2>', ['content'])).toContain('id="content-1"');
  });
  it('leaves h1, h4 and a heading that already holds a link alone', () => {
    const html = '<h1>Title</h1><h4>Small</h4><h2><a href="/tco/x/">Scenario</a></h2>';
    expect(anchorHeadings(html)).toBe(html);
  });
  it('keeps the rest of the markup as written: boolean attributes, entities, unclosed headings', () => {
    const html = '<p hidden>a &amp; b</p><details open><summary>More</summary></details><button type="button" disabled>Copy</button>';
    expect(anchorHeadings(`${html}<h2>Why</h2>`)).toBe(`${html}<h2 id="why"><a class="heading-anchor" href="#why">Why</a></h2>`);
    expect(anchorHeadings('<h3>Open <em>end</em>')).toBe('<h3 id="open-end"><a class="heading-anchor" href="#open-end">Open <em>end</em></a>');
    expect(anchorHeadings('<h2></h2>')).toBe('<h2 id="section"><a class="heading-anchor" href="#section"></a></h2>');
  });
  it('slugs like Astro\'s Markdown heading ids', () => {
    expect(headingId('The no-regrets ask')).toBe('the-no-regrets-ask');
    expect(headingId('Where we complement and where we compete')).toBe('where-we-complement-and-where-we-compete');
    expect(headingId('S3 Express (One Zone) — 10× faster')).toBe('s3-express-one-zone--10-faster');
    expect(headingId('Tier-2 GPU cloud’s “box”')).toBe('tier-2-gpu-clouds-box');
    expect(headingId('???')).toBe('section');
  });
});
