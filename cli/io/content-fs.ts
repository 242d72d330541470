/** The node:fs adapter: reads the content tree and hands the texts to the pure validator. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Audience } from '#schemas/common.ts';
import { isEvidencePath } from '#lib/measure/check.ts';
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
      else {
        const path = relative(root, full).split(sep).join('/');
        const bytes = readFileSync(full);
        // Raw result files carry their hash, so check can tell an edited one from the imported one.
        const sha256 = isEvidencePath(path, CONTENT_DIR) ? createHash('sha256').update(bytes).digest('hex') : undefined;
        out.push({ path, text: bytes.toString('utf8'), ...(sha256 ? { sha256 } : {}) });
      }
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
