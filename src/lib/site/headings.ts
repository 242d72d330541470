/**
 * Linkable headings: every h2/h3 on cloud, play, claim and dagger pages has an id and links to
 * itself, so an SE can send "the objections of this play" as a URL. Pages wrap their content in
 * `components/Anchored.astro`, which runs `anchorHeadings` over template headings and rendered
 * Markdown alike. Ids Astro already gave Markdown headings are kept; new ones are slugged the
 * same way (GitHub's rule: lower-case, punctuation dropped, each space a hyphen). Pure.
 */
import { Parser } from 'htmlparser2';

/** The id of a heading with this text: "Proof points" -> "proof-points". */
export const headingId = (text: string): string =>
  text.toLowerCase().trim().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\s-]/gu, '').replace(/\s/g, '-') || 'section';

/** The class of the self-link inside a heading (styles in styles/anchors.css). */
export const ANCHOR_CLASS = 'heading-anchor';

/** An attribute value as HTML: `&` and `"` escaped. */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Gives every h2 and h3 in an HTML fragment an id (keeping one it has; a new id never repeats
 * one in the fragment or in `taken`: `-1`, `-2` are appended) and wraps its content in a link to
 * itself. A heading that already holds a link is left alone. Everything else is kept byte for
 * byte: the edits are spliced into the input at the offsets htmlparser2 reports (a streaming parser,
 * several times faster than building a tree), never re-serialized.
 */
export function anchorHeadings(html: string, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  interface Heading { id?: string; openEnd: number; selfClosing: boolean; close?: number; text: string; hasLink: boolean }
  const headings: Heading[] = [];
  let open: Heading | undefined; // the h2/h3 being read (headings do not nest)
  let depth = 0; // elements open inside it
  const parser: Parser = new Parser({
    onopentag(name, attribs) {
      if (attribs.id) used.add(attribs.id);
      if (open) {
        depth++;
        if (name === 'a') open.hasLink = true;
        return;
      }
      if (name === 'h2' || name === 'h3') {
        const openEnd = parser.endIndex + 1;
        open = { id: attribs.id || undefined, openEnd, selfClosing: html[openEnd - 2] === '/', text: '', hasLink: false };
        depth = 0;
      }
    },
    ontext(text) {
      if (open) open.text += text;
    },
    onclosetag() {
      if (!open) return;
      if (depth > 0) { depth--; return; }
      // An unclosed heading ends where the parser closed it (its end tag, or what closed it).
      open.close = parser.startIndex;
      headings.push(open);
      open = undefined;
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false });
  parser.write(html);
  parser.end();
  const edits: { at: number; text: string }[] = [];
  for (const h of headings) {
    if (h.hasLink || h.close === undefined) continue; // already links somewhere
    let id = h.id;
    if (!id) {
      const base = headingId(h.text);
      id = base;
      for (let i = 1; used.has(id); i++) id = `${base}-${i}`;
      const close = h.selfClosing ? h.openEnd - 2 : h.openEnd - 1; // before the start tag's ">" (or "/>")
      edits.push({ at: close, text: ` id="${attr(id)}"` });
    }
    used.add(id);
    edits.push({ at: h.openEnd, text: `<a class="${ANCHOR_CLASS}" href="#${attr(id)}">` });
    edits.push({ at: h.close, text: '</a>' });
  }
  // Splice from the end so earlier offsets stay valid; equal offsets keep their push order.
  let out = html;
  for (const e of edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.at - a.at || b.i - a.i)) out = out.slice(0, e.at) + e.text + out.slice(e.at);
  return out;
}
