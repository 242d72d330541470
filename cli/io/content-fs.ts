/** The node:fs adapter: reads the content tree and hands the texts to the pure validator. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml } from 'satteri';
import type { Audience } from '#schemas/common.ts';
import { validateContent, type ContentFile, type ValidationResult } from '#lib/validate.ts';

export const CONTENT_DIR = 'src/content';

/** Every file under `<root>/src/content`, dotfiles skipped, paths relative to `root`, sorted. */
export function readContentFiles(root: string): ContentFile[] {
  const base = join(root, CONTENT_DIR);
  const out: ContentFile[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(base);
  return out;
}

export function today(): string {
  return process.env.FIELDKIT_NOW ?? new Date().toISOString().slice(0, 10);
}

/**
 * A Markdown body rendered to HTML the way the site renders it: Astro 7's default processor
 * (Sätteri, @astrojs/markdown-satteri) with Astro's defaults (GFM, smart punctuation, heading
 * ids) and no syntax highlighting (astro.config.mjs turns it off: it would add inline styles).
 * Synchronous, so `check` stays one pass. `unsafe-markup` sanitizes this output.
 */
export function renderMarkdown(body: string): string {
  const astro = { frontmatter: {}, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
  const r = markdownToHtml(body, {
    features: { gfm: true, smartPunctuation: true },
    hastPlugins: [satteriHeadingIdsPlugin()],
    data: { astro },
  });
  // Astro's heading-id plugin is synchronous, so the result is too; a newer one that is not would land here.
  if (r instanceof Promise) throw new Error('Sätteri rendered Markdown asynchronously; check needs a synchronous renderer (cli/io/content-fs.ts)');
  return r.html;
}

export function validateTree(root: string, now = today(), audience: Audience = 'internal'): ValidationResult {
  return validateContent(readContentFiles(root), { contentDir: CONTENT_DIR, now, audience, renderMarkdown });
}
