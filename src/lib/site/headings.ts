/**
 * Linkable headings: every h2/h3 on cloud, play, claim and dagger pages has an id and links to
 * itself, so an SE can send "the objections of this play" as a URL. Pages wrap their content in
 * `components/Anchored.astro`, which runs `anchorHeadings` over template headings and rendered
 * Markdown alike. Ids Astro already gave Markdown headings are kept; new ones are slugged the
 * same way (GitHub's rule: lower-case, punctuation dropped, each space a hyphen). Pure.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The id of a heading with this text: "Proof points" -> "proof-points". */
export const headingId = (text: string): string =>
  text.toLowerCase().trim().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\s-]/gu, '').replace(/\s/g, '-') || 'section';

/** The class of the self-link inside a heading (styles in styles/anchors.css). */
export const ANCHOR_CLASS = 'heading-anchor';

const isElement = (n: Node): n is Element => 'tagName' in n;

function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in n ? n.childNodes.map(textOf).join('') : '';
}

function walk(n: Node, visit: (e: Element) => void): void {
  if (isElement(n)) visit(n);
  if ('childNodes' in n) for (const c of [...n.childNodes]) walk(c, visit);
}

/** An attribute value as HTML: `&` and `"` escaped. */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Gives every h2 and h3 in an HTML fragment an id (keeping one it has; a new id never repeats
 * one in the fragment or in `taken`: `-1`, `-2` are appended) and wraps its content in a link to
 * itself. A heading that already holds a link is left alone. Everything else is kept byte for
 * byte: the edits are spliced into the input at parse5's source offsets, never re-serialized
 * (parse5 would write every boolean attribute as `hidden=""`, which html-validate rejects).
 */
export function anchorHeadings(html: string, taken: Iterable<string> = []): string {
  const frag = parseFragment(html, { sourceCodeLocationInfo: true });
  const used = new Set(taken);
  walk(frag, (el) => {
    const id = el.attrs.find((a) => a.name === 'id')?.value;
    if (id) used.add(id);
  });
  const edits: { at: number; text: string }[] = [];
  walk(frag, (el) => {
    if (el.tagName !== 'h2' && el.tagName !== 'h3') return;
    if (el.childNodes.some((c) => isElement(c) && c.tagName === 'a')) return; // already links somewhere
    const loc = el.sourceCodeLocation;
    if (!loc?.startTag) return; // not in the source (never for a parsed h2/h3)
    let id = el.attrs.find((a) => a.name === 'id')?.value;
    const openEnd = loc.startTag.endOffset;
    if (!id) {
      const base = headingId(textOf(el));
      id = base;
      for (let i = 1; used.has(id); i++) id = `${base}-${i}`;
      const close = html[openEnd - 2] === '/' ? openEnd - 2 : openEnd - 1; // before the start tag's ">" (or "/>")
      edits.push({ at: close, text: ` id="${attr(id)}"` });
    }
    used.add(id);
    edits.push({ at: openEnd, text: `<a class="${ANCHOR_CLASS}" href="#${attr(id)}">` });
    // An unclosed heading ends where parse5 closed it.
    edits.push({ at: loc.endTag ? loc.endTag.startOffset : loc.endOffset, text: '</a>' });
  });
  // Splice from the end so earlier offsets stay valid; equal offsets keep their push order.
  let out = html;
  for (const e of edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.at - a.at || b.i - a.i)) out = out.slice(0, e.at) + e.text + out.slice(e.at);
  return out;
}
