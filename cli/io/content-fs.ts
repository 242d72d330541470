/** The node:fs adapter: reads the content tree and hands the texts to the pure validator. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

export function validateTree(root: string, now = today(), audience: Audience = 'internal'): ValidationResult {
  return validateContent(readContentFiles(root), { contentDir: CONTENT_DIR, now, audience });
}
