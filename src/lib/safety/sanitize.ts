/**
 * Prose is untrusted input. Markdown bodies are rendered to HTML and then passed through an
 * allow-list (sanitize-html): what legitimate prose uses stays (headings with ids, lists, task-list
 * checkboxes, tables, code, quotes, footnotes, links), everything else goes: raw script, style,
 * iframe, object, embed, form, base, meta, svg; event handlers; `style` attributes; link and image
 * URLs other than http(s), relative, `#fragment` and `claim:` (checked after entity decoding and
 * whitespace/control stripping); images from hosts the site configuration does not name.
 *
 * `sanitizeProse` is what the site renders (src/data/kit.ts); `proseDrops` lists what it removed,
 * for `check` to report (src/lib/checks/integrity.ts). Pure: no I/O.
 */
import sanitizeHtml from 'sanitize-html';

export interface SanitizeOptions {
  /** Hosts whose http(s) images prose may show (fieldkit.config.ts). */
  remoteImageHosts: readonly string[];
  /**
   * Rendered HTML -> its sanitized form, filled by `proseDrops` and read by `sanitizeProse`: the
   * content loader publishes the very output the check computed, without sanitizing twice.
   */
  memo?: Map<string, string>;
}

/** One thing the sanitizer removed from rendered prose. */
export interface Drop {
  kind: 'element' | 'attribute' | 'url' | 'remote-image';
  /** The element's tag name. */
  tag: string;
  /** For attribute and url drops: the attribute's name. */
  attribute?: string;
  /** The attribute's value (entity-decoded), or the image URL. */
  value?: string;
  /** In words, e.g. "an inline event handler (onerror)". */
  what: string;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** GFM table alignment arrives as `style="text-align: …"`; it becomes a class (no inline style). */
const ALIGN = /^\s*text-align:\s*(left|center|right)\s*;?\s*$/i;

/** sanitize-html's default tags (text, lists, tables, sections) plus what Markdown renders. */
const ALLOWED_TAGS = [...sanitizeHtml.defaults.allowedTags, 'img', 'input', 'del', 'ins', 'details', 'summary'];

const ALLOWED_ATTRIBUTES: Record<string, sanitizeHtml.AllowedAttribute[]> = {
  ...Object.fromEntries(HEADINGS.map((h) => [h, ['id']])),
  a: ['href', 'title', 'id', 'aria-describedby', 'aria-label', 'data-footnote-ref', 'data-footnote-backref'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  input: [{ name: 'type', multiple: false, values: ['checkbox'] }, 'checked', 'disabled'],
  li: ['id'],
  ol: ['start'],
  section: ['data-footnotes'],
  details: ['open'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  abbr: ['title'],
};

const ALLOWED_CLASSES: sanitizeHtml.IOptions['allowedClasses'] = {
  ul: ['contains-task-list'],
  ol: ['contains-task-list'],
  li: ['task-list-item'],
  code: ['language-*'],
  pre: ['language-*'],
  section: ['footnotes'],
  h2: ['sr-only'],
  a: ['data-footnote-backref'],
  td: ['align-left', 'align-center', 'align-right'],
  th: ['align-left', 'align-center', 'align-right'],
};

/** A URL as a browser reads it: without the whitespace and control characters it ignores. */
export function withoutControls(url: string): string {
  return [...url].filter((c) => c.charCodeAt(0) > 0x20).join('');
}

/** True when `src` names another site (absolute http(s) or protocol-relative). */
function remoteHost(src: string): string | undefined {
  // Browsers ignore tabs and newlines inside URLs and treat backslashes as slashes.
  const s = withoutControls(src).replace(/\\/g, '/');
  if (!/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(s)) return undefined;
  try {
    return new URL(s, 'https://site.invalid/').hostname.toLowerCase();
  } catch {
    return '(unparseable host)';
  }
}

function alignToClass(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const m = attribs.style === undefined ? null : ALIGN.exec(attribs.style);
  if (!m) return { tagName, attribs };
  const { style: _style, ...rest } = attribs;
  const cls = [rest.class, `align-${m[1]!.toLowerCase()}`].filter(Boolean).join(' ');
  return { tagName, attribs: { ...rest, class: cls } };
}

function config(opts: SanitizeOptions, onTag?: (name: string, attribs: sanitizeHtml.Attributes) => void): sanitizeHtml.IOptions {
  const hosts = new Set(opts.remoteImageHosts.map((h) => h.toLowerCase()));
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedClasses: ALLOWED_CLASSES,
    allowedSchemes: ['http', 'https', 'claim'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'ping', 'longdesc', 'usemap'],
    allowProtocolRelative: false,
    allowedStyles: {},
    disallowedTagsMode: 'discard',
    // Script, style and the like lose their text too, not only their tags.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'],
    transformTags: {
      td: alignToClass,
      th: alignToClass,
      // Every tag, after the alignment transform and before the allow-list: what went in.
      '*': (tagName, attribs) => {
        onTag?.(tagName, { ...attribs });
        return { tagName, attribs };
      },
    },
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'img' || frame.attribs.src === undefined) return false;
      const host = remoteHost(frame.attribs.src);
      return host !== undefined && !hosts.has(host);
    },
  };
}

/** The HTML the site publishes for a rendered Markdown body. */
export function sanitizeProse(html: string, opts: SanitizeOptions): string {
  return opts.memo?.get(html) ?? sanitizeHtml(html, config(opts));
}

interface Tag {
  name: string;
  attribs: sanitizeHtml.Attributes;
}

/** The elements of an HTML fragment in document order, as sanitize-html's parser sees them. */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  sanitizeHtml(html, {
    allowedTags: false, allowedAttributes: false, allowVulnerableTags: true,
    onOpenTag: (name, attribs) => tags.push({ name, attribs: { ...attribs } }),
  });
  return tags;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function describeAttribute(tag: string, name: string, value: string, opts: SanitizeOptions): Drop {
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) return { kind: 'attribute', tag, attribute: name, value, what: `an inline event handler (${lower}=)` };
  if (lower === 'style') return { kind: 'attribute', tag, attribute: name, value, what: 'a style attribute' };
  const urlAttribute = ALLOWED_ATTRIBUTES[tag]?.includes(lower) && ['href', 'src'].includes(lower);
  if (urlAttribute) {
    const scheme = SCHEME.exec(withoutControls(value))?.[1]?.toLowerCase();
    if (scheme) return { kind: 'url', tag, attribute: name, value, what: `a ${scheme}: ${tag === 'img' ? 'image' : 'link'}` };
    const host = remoteHost(value);
    if (host && !opts.remoteImageHosts.includes(host)) return { kind: 'url', tag, attribute: name, value, what: `a protocol-relative ${tag === 'img' ? 'image' : 'link'} (${host})` };
    return { kind: 'url', tag, attribute: name, value, what: `a URL the site does not allow in ${lower}` };
  }
  if (lower === 'class') return { kind: 'attribute', tag, attribute: name, value, what: `the class "${value}" on <${tag}>` };
  return { kind: 'attribute', tag, attribute: name, value, what: `the attribute ${lower}= on <${tag}>` };
}

/**
 * What `sanitizeProse` removes from `html`, in document order: the elements that went in and
 * did not come out, and the attributes of kept elements that were dropped or changed. The
 * sanitizer itself decides; this only compares its input with its output.
 */
export function proseDrops(html: string, opts: SanitizeOptions): Drop[] {
  const input: Tag[] = [];
  const clean = sanitizeHtml(html, config(opts, (name, attribs) => input.push({ name, attribs })));
  opts.memo?.set(html, clean); // the observer changes nothing: this is exactly sanitizeProse's output
  const output = tagsOf(clean);
  const drops: Drop[] = [];
  let j = 0;
  for (const tag of input) {
    const kept = output[j];
    if (kept && kept.name === tag.name) {
      j++;
      for (const [name, value] of Object.entries(tag.attribs)) {
        if (kept.attribs[name] === value) continue;
        drops.push(describeAttribute(tag.name, name, value, opts));
      }
      continue;
    }
    const src = tag.attribs.src;
    const host = tag.name === 'img' && src !== undefined ? remoteHost(src) : undefined;
    drops.push(host !== undefined
      ? { kind: 'remote-image', tag: tag.name, attribute: 'src', value: src, what: `a remote image from ${host}` }
      : { kind: 'element', tag: tag.name, what: `a raw <${tag.name}> tag` });
  }
  return drops;
}
