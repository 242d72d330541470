/**
 * The small custom elements (src/scripts/): <fk-copy> on a claim's repro steps, <fk-print> on the
 * dagger and kit pages, and what each does when its markup is wrong. The calculator, triage and
 * search elements have their own files (tco, triage, search tests).
 */
import { describe, expect, it } from 'vitest';
import { useSite } from './browser.ts';

const site = useSite();

describe('<fk-copy>', () => {
  it('shows its button and copies the command to the clipboard', async () => {
    const page = await site.page();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await page.goto(`${site.url}/claims/gcp/small-object-latency/`);
    const copy = page.locator('fk-copy').first();
    const command = await copy.getAttribute('data-copy');
    expect(command).toBeTruthy();
    await expect(copy.locator('button').isVisible()).resolves.toBe(true);
    await copy.locator('button').click();
    await expect.poll(() => copy.locator('button').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
    expect(page.errors).toEqual([]);
  });

  it('stays hidden without JavaScript (the command is there to select)', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/claims/gcp/small-object-latency/`);
    await expect(page.locator('fk-copy').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('.cmd pre').first().isVisible()).resolves.toBe(true);
    await ctx.close();
  });

  it('without the text to copy (data-copy): stays hidden and says which attribute is missing', async () => {
    const page = await site.page();
    await page.route(`${site.url}/claims/gcp/small-object-latency/`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: (await res.text()).replace(/<fk-copy data-copy="[^"]*"/, '<fk-copy') });
    });
    await page.goto(`${site.url}/claims/gcp/small-object-latency/`);
    await page.locator('fk-copy[data-error]').first().waitFor({ state: 'attached' });
    expect(page.errors).toEqual([expect.stringContaining('<fk-copy>: bad data-config: data-copy must be the text to copy, got nothing')]);
    await expect(page.locator('fk-copy').first().getAttribute('hidden')).resolves.toBe('');
  });
});

describe('<fk-print>', () => {
  it('wires the print button on the dagger and kit pages', async () => {
    for (const path of ['/clouds/azure/dagger/', '/kits/azure/']) {
      const page = await site.page();
      await page.goto(`${site.url}${path}`);
      await expect.poll(() => page.locator('fk-print button[data-print]').getAttribute('data-print-ready'), { message: path }).toBe('1');
      // window.print is replaced so the dialog does not block; the click must reach it
      await page.evaluate(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
      await page.locator('fk-print button').click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed), path).toBe(1);
      expect(page.errors).toEqual([]);
    }
  });
});
