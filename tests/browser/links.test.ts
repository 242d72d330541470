/** Every internal link and anchor in the built site resolves. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

const DIST = join(ROOT, 'dist');

function pages(): string[] {
  return readdirSync(DIST, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
}

function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

function target(fromFile: string, href: string): { file: string; hash?: string } | undefined {
  if (/^(https?:|mailto:|data:|tel:)/.test(href) || href.startsWith('//')) return undefined;
  const [pathPart, hash] = href.split('#') as [string, string | undefined];
  const base = new URL(`http://x/${fromFile.replace(/index\.html$/, '')}`);
  const url = new URL(pathPart || base.pathname, base);
  let file = decodeURIComponent(url.pathname).replace(/^\//, '');
  if (file === '' || file.endsWith('/')) file += 'index.html';
  return { file, hash };
}

describe('links in dist/', () => {
  it('has pages to check', () => expect(pages().length).toBeGreaterThan(50));

  it('every internal href and #anchor resolves', () => {
    const cache = new Map<string, string>();
    const read = (f: string) => {
      if (!cache.has(f)) cache.set(f, readFileSync(join(DIST, f), 'utf8'));
      return cache.get(f)!;
    };
    const broken: string[] = [];
    for (const page of pages()) {
      const html = read(page);
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const href = m[1]!.replace(/&amp;/g, '&');
        if (href.startsWith('?')) continue;
        const t = target(page, href);
        if (!t) continue;
        const path = t.file.split('?')[0]!;
        if (!existsSync(join(DIST, path))) {
          broken.push(`${page}: ${href} (no ${path})`);
          continue;
        }
        if (t.hash && path.endsWith('.html') && !ids(read(path)).has(decodeURIComponent(t.hash))) broken.push(`${page}: ${href} (no #${t.hash})`);
      }
    }
    expect(broken).toEqual([]);
  });
});
