/**
 * The one place a page's `<title>` is made (src/layouts/Base.astro). A browser tab, a bookmark
 * and a search result show about 70 characters, and html-validate's `long-title` rule refuses
 * more, so a long title is shortened here, at a word, never mid-word. Pure.
 */

/** The longest title: html-validate's `long-title` default. */
export const MAX_TITLE = 70;

const SEP = ' · ';
const ELLIPSIS = '…';
/** Words a shortened title does not end on: "Throughput per…" reads as cut, "Throughput…" does not. */
const DANGLING = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'over', 'per', 'than', 'the', 'to', 'with', 'without', '-', '–', '—']);

/** The longest run of whole words of `text` that fits in `budget` characters, or '' when none does. */
function wordsWithin(text: string, budget: number): string {
  const words = text.trim().split(/\s+/);
  let out = '';
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if (next.length > budget) break;
    out = next;
  }
  // Drop a trailing connector or punctuation so the cut reads as a short form, not a broken line.
  let kept = out.split(' ');
  while (kept.length > 1 && DANGLING.has(kept.at(-1)!.toLowerCase())) kept = kept.slice(0, -1);
  let short = kept.join(' ');
  // An opening parenthesis whose close was cut goes with what it opened: "bucket (includes" -> "bucket".
  const open = short.lastIndexOf('(');
  if (open > 0 && short.indexOf(')', open) < 0) short = short.slice(0, open);
  return short.replace(/[\s,;:(\-–—]+$/u, '');
}

/**
 * `parts` then the site name, joined by " · ": `['Max object size', 'AWS claim']` and "Fieldkit"
 * give "Max object size · AWS claim · Fieldkit". When that passes `max` characters, the first part
 * (the specific one) is cut after its last whole word that fits and ends in "…"; the other parts
 * and the site name are kept. If not even one word fits, the middle parts are dropped first.
 */
export function documentTitle(parts: readonly string[], siteName: string, max = MAX_TITLE): string {
  const [first = '', ...context] = parts.map((p) => p.trim()).filter(Boolean);
  const whole = [first, ...context, siteName].filter(Boolean).join(SEP);
  if (whole.length <= max) return whole;
  for (let keep = context.length; keep >= 0; keep--) {
    const rest = [...context.slice(0, keep), siteName].filter(Boolean).join(SEP);
    if (first.length + SEP.length + rest.length <= max) return `${first}${SEP}${rest}`;
    const short = wordsWithin(first, max - rest.length - SEP.length - ELLIPSIS.length);
    if (short) return `${short}${ELLIPSIS}${SEP}${rest}`;
  }
  // One word longer than the whole budget: keep it whole (a title is never cut mid-word).
  return [first.split(/\s+/)[0], siteName].filter(Boolean).join(SEP);
}
