/** `audit`'s default page list and its `--gzip` server: one page of every type the built site has, chosen from dist/. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPaths } from '../../cli/audit.ts';
import { serveDir } from '../../cli/serve.ts';

let dir = '';
const page = (...parts: string[]) => {
  mkdirSync(join(dir, ...parts), { recursive: true });
  writeFileSync(join(dir, ...parts, 'index.html'), '<!doctype html><title>t</title>');
};
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('audit default pages', () => {
  it('takes the fixed pages and the first entry by name of each collection that has pages', () => {
    dir = mkdtempSync(join(tmpdir(), 'fk-audit-'));
    page();
    for (const p of [['clouds', 'gcp'], ['clouds', 'azure'], ['clouds', 'azure', 'dagger'], ['plays', 'b-play'], ['plays', 'a-play'],
      ['claims'], ['claims', 'azure', 'ingress'], ['claims', 'aws', 'egress'], ['tco'], ['tco', 'lake'], ['search'], ['kits', 'azure']]) page(...p);
    mkdirSync(join(dir, 'sources')); // a folder without pages is left out
    expect(defaultPaths(dir)).toEqual([
      '/', '/clouds/azure/', '/clouds/azure/dagger/', '/plays/a-play/', '/claims/', '/claims/aws/egress/',
      '/tco/', '/tco/lake/', '/search/?q=egress', '/kits/azure/',
    ]);
  });

  it('finds the dagger page of the first cloud that has one', () => {
    dir = mkdtempSync(join(tmpdir(), 'fk-audit-'));
    page();
    page('clouds', 'aws');
    page('clouds', 'gcp', 'dagger');
    expect(defaultPaths(dir)).toEqual(['/', '/clouds/aws/', '/clouds/gcp/dagger/']);
  });
});

describe('audit --gzip', () => {
  const fetchRaw = (url: string, headers: Record<string, string>) => new Promise<{ encoding?: string; body: Buffer }>((ok, fail) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });

  it('compresses text files for a client that accepts gzip, and only then; images stay as they are', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fk-audit-'));
    const html = `<!doctype html><title>t</title>${'<p>same words again</p>'.repeat(200)}`;
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'a.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const { server, url } = await serveDir(dir, 0, '127.0.0.1', { gzip: true });
    try {
      const zipped = await fetchRaw(`${url}/`, { 'accept-encoding': 'gzip, deflate' });
      expect(zipped.encoding).toBe('gzip');
      expect(zipped.body.length).toBeLessThan(html.length / 4);
      expect(gunzipSync(zipped.body).toString()).toBe(html);
      const plain = await fetchRaw(`${url}/`, {});
      expect(plain.encoding).toBeUndefined();
      expect(plain.body.toString()).toBe(html);
      expect((await fetchRaw(`${url}/a.png`, { 'accept-encoding': 'gzip' })).encoding).toBeUndefined();
    } finally {
      server.close();
    }
  });
});
