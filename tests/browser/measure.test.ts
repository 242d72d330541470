/**
 * The proof of a measured claim in a real browser: a throwaway project gets recorded fio and
 * iperf3 results imported (tests/fixtures/measure/), is built, and its claim and dagger pages are
 * checked with axe-core in light and dark, and the raw result download is the file imported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldkit, projectWith } from '../helpers.ts';
import { CKPT, CLOUD, DAGGER_CLAIM, DAGGER_CLOUD, FIXTURES, MEASURE_TREE } from '../cli/measure-fixture.ts';
import { useSite } from './browser.ts';
import { axeViolations } from './axe.ts';

const dir = projectWith({ ...MEASURE_TREE, [CLOUD]: DAGGER_CLOUD, [CKPT]: DAGGER_CLAIM });
const NOW = ['--now', '2026-12-01'];
beforeAll(() => {
  const run = (args: string[]) => {
    const r = fieldkit(args, { cwd: dir, env: { FIELDKIT_ROOT: dir } });
    expect(r.code, r.stderr).toBe(0);
  };
  run(['measure', 'import', 'azure/ckpt', join(FIXTURES, 'fio-write-1m.json'), '--root', dir, ...NOW]);
  run(['measure', 'import', 'azure/ckpt', join(FIXTURES, 'iperf3-tcp-loopback.json'), '--side', 'ours', '--root', dir, ...NOW]);
  run(['build', ...NOW]);
}, 240_000);
const site = useSite(join(dir, 'dist'));

describe('measured claim pages', () => {
  for (const path of ['/claims/azure/ckpt/', '/clouds/azure/dagger/']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${path} (${colorScheme}) has no axe violations`, async () => {
        const page = await site.page({ colorScheme });
        await page.goto(`${site.url}${path}`);
        const violations = await axeViolations(page);
        expect(violations).toEqual([]);
        expect(page.errors).toEqual([]);
      });
    }
  }

  it('the proof shows the run and the command, and its download is the raw file imported', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/claims/azure/ckpt/`);
    const proof = page.locator('#measurement-2026-12-01-0819');
    await expect(proof.locator('h2').textContent()).resolves.toBe('Measured: Sustained checkpoint write bandwidth');
    await expect(proof.locator('table tbody tr td').allTextContents()).resolves.toEqual(['1', 'fio-write-1m.json', '2026-12-01T08:19:17.400Z', '4.793 GB/s']);
    await expect(proof.locator('pre code').textContent()).resolves.toBe('fio --name=t --rw=write --bs=1M --size=64M --filename=/tmp/fkm/fk-fio --output-format=json');
    const href = await proof.locator('.proof__files a').getAttribute('href');
    const res = await page.request.get(`${site.url}${href}`);
    expect(res.status()).toBe(200);
    expect(Buffer.from(await res.body())).toEqual(readFileSync(join(FIXTURES, 'fio-write-1m.json')));
    await expect(page.locator('#measurement-2026-12-01-0820 dd').allTextContents()).resolves.toContain('vm'); // the host, internal edition
  });
});
