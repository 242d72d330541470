/** `audit`'s default page list: one page of every type the built site has, chosen from dist/. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPaths } from '../../cli/audit.ts';

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
