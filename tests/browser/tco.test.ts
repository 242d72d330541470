/**
 * The TCO scenario page in Chromium: build-time verdict, the calculator (same model in the page),
 * inline errors, URL state, reset, narrow screens and the page without JavaScript. The model is not
 * run here: the tipping points of the training-tier scenario are worked out by hand (the comment
 * above that test), and the other tests check that the page agrees with itself (the verdict flips
 * around the break-even price it states; the crossover year matches its own table).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSite } from './browser.ts';
import { axeViolations } from './axe.ts';
import type { TcoInputs } from '../../src/lib/tco/tco.ts';

const site = useSite();
let scenarioPath = '';

/** The break-even SSD $/TB stated in the tipping-point sentence. */
async function breakEven(page: Page): Promise<number> {
  const text = (await page.locator('.tco-tipping').textContent()) ?? '';
  const m = /breaks even with HDD over \d+ years? at \$([\d,]+\.\d\d)\/TB/.exec(text);
  if (!m) throw new Error(`no break-even price in: ${text}`);
  return Number(m[1]!.replace(/,/g, ''));
}

const cheaper = (page: Page) => page.locator('.tco-tipping').getAttribute('data-cheaper');

/** A price per TB as the page rounds it (two decimals). */
const cents = (n: number) => Math.round(n * 100) / 100;

/** The tornado's state: its table's base tipping point, the sentence, and the chart's pixels. */
async function tornado(page: Page) {
  return {
    base: Number(await page.locator('[data-region="sensitivity"] table.tco-sens').getAttribute('data-base')),
    alt: (await page.locator('[data-region="sensitivity-alt"]').textContent()) ?? '',
    rows: await page.locator('[data-region="sensitivity"] tbody tr').count(),
  };
}
const tornadoPixels = (page: Page) => page.locator('[data-chart="sensitivity"] canvas').screenshot({ animations: 'disabled' });

/** Scrolls a chart into view and waits until Chart.js (loaded on approach) has drawn it. */
async function drawn(page: Page, kind: string, scope = page.locator('fk-calculator').first()) {
  await scope.locator(`fk-tco-chart[data-chart="${kind}"]`).scrollIntoViewIfNeeded();
  await scope.locator(`fk-tco-chart[data-chart="${kind}"][data-drawn]`).waitFor();
}

/** The calculator's config, as the page gives it to <fk-calculator>. */
async function configOf(page: Page, nth = 0): Promise<{ path: string; defaults: TcoInputs }> {
  return JSON.parse((await page.locator('fk-calculator').nth(nth).getAttribute('data-config')) ?? 'null') as { path: string; defaults: TcoInputs };
}

beforeAll(async () => {
  const page = await site.page();
  await page.goto(`${site.url}/tco/`);
  const hrefs = await page.locator('main .tco-card h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of hrefs) expect(href).toMatch(/^\/tco\/[^/]+\/$/);
  // The verdict tests need a scenario in which SSD can break even: the training tier.
  scenarioPath = hrefs.find((h) => h === '/tco/ai-training-tier-1pb/')!;
  expect(scenarioPath).toBeTruthy();
  await page.context().close();
});

describe('TCO scenario page', () => {
  it('shows the verdict, charts with their tables, counts and sourced assumptions', async () => {
    const page = await site.page();
    const res = await page.goto(`${site.url}${scenarioPath}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('.tco-tipping').textContent()).resolves.toMatch(/SSD (breaks even with HDD over \d+ years? at \$[\d,.]+\/TB|cannot break even)/);
    await expect(page.locator('.tco-crossover').textContent()).resolves.toMatch(/crossover/i);
    // Charts drawn, each with its data table beside it
    for (const kind of ['cumulative', 'components']) {
      const canvas = page.locator(`[data-chart="${kind}"] canvas`);
      await drawn(page, kind);
      await expect(canvas.isVisible()).resolves.toBe(true);
      expect((await canvas.boundingBox())!.width).toBeGreaterThan(200);
      expect(await canvas.getAttribute('aria-label')).toMatch(/HDD/);
      await expect(page.locator(`[data-region="${kind}"] table caption`).count()).resolves.toBe(1);
    }
    await expect(page.locator('.tco-counts').textContent()).resolves.toMatch(/Drive count bound by.*(capacity|performance)/s);
    await expect(page.locator('.tco-counts').textContent()).resolves.toMatch(/Rack count bound by.*(rack units|power)/s);
    // Assumptions: every row has a source link with a date, or is marked as an assumption
    const rows = page.locator('.tco-assumptions tbody tr');
    expect(await rows.count()).toBe(46);
    for (const row of await rows.all()) {
      const link = row.locator('a[href^="/sources/"]');
      if (await link.count()) expect(await row.locator('.tco-asof').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
      else expect(await row.textContent()).toMatch(/Assumption/);
    }
    expect(page.errors).toEqual([]);
  });

  it('flips the verdict around the break-even price it states, with the same model as the build', async () => {
    const page = await site.page();
    await page.goto(`${site.url}${scenarioPath}`);
    const p = await breakEven(page);
    expect(p).toBeGreaterThan(0);
    const price = page.locator('input[name="ssd.pricePerTB"]');

    await price.fill(String(Math.round(p * 1.05 * 100) / 100));
    await expect.poll(() => cheaper(page)).toBe('hdd');
    await expect(page.locator('.tco-tipping').textContent()).resolves.toContain('HDD is cheaper');
    expect(await breakEven(page)).toBe(p); // the break-even price does not depend on the quoted price

    await price.fill(String(Math.round(p * 0.95 * 100) / 100));
    await expect.poll(() => cheaper(page)).toBe('ssd');
    await expect(page.locator('.tco-tipping').textContent()).resolves.toContain('SSD is cheaper');
    expect(await breakEven(page)).toBe(p);

    // The field is marked as changed from its source
    await expect(page.locator('#tco-ssd-pricePerTB-chg').isVisible()).resolves.toBe(true);
    await expect(page.locator('#tco-ssd-pricePerTB-chg').textContent()).resolves.toContain('Changed from source');
    await expect(page.locator('[data-region="changed"]').textContent()).resolves.toContain('SSD drive price per TB');
    expect(page.errors).toEqual([]);
  });

  it('states a crossover year that matches its own cumulative table', async () => {
    const page = await site.page();
    await page.goto(`${site.url}${scenarioPath}`);
    for (const price of ['1', '1000000', null]) {
      if (price) await page.locator('input[name="ssd.pricePerTB"]').fill(price);
      const rows = await page.locator('[data-region="cumulative"] tbody tr').evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => Number(td.textContent!.replace(/[$,]/g, '')))));
      const first = rows.findIndex(([hdd, ssd]) => ssd! <= hdd!);
      const stated = await page.locator('.tco-crossover').getAttribute('data-crossover');
      expect(stated, `SSD at ${price ?? 'source'} $/TB`).toBe(first === -1 ? 'none' : String(first + 1));
    }
    // A very cheap SSD costs less from year 1; a very dear one never crosses
    await page.locator('input[name="ssd.pricePerTB"]').fill('1000000');
    await expect(page.locator('.tco-crossover').textContent()).resolves.toMatch(/^No crossover within \d+ years?/);
    expect(page.errors).toEqual([]);
  });

  /*
   * The tipping points below are worked out by hand from the shipped ai-training-tier-1pb.yaml and
   * the formulas in src/lib/tco/tco.ts's comments, not by running the model:
   *
   * Inputs: 1000 TB effective, 4 years, 100 GB/s; duty 0.1 idle / 0.8 read / 0.1 write; $0.0806/kWh,
   * PUE 1.58, energy +1.3 %/year; racks 42 U, 14 kW, $1,500/month; both media EC 1.25, fill 0.8,
   * no reduction, AFR 0.0157, $100 + the drive per failure, 5-year life (one purchase in 4 years).
   * HDD: 22 TB, $14/TB, 0.285 GB/s, 5.7/9.4/6.4 W, 60 per 4 U node at $20,000 and 400 W.
   * SSD: 30.72 TB, 3.2 GB/s, 5/15/20 W, 24 per 2 U node at $25,000 and 500 W.
   *
   * HDD drives = max(ceil(1000 × 1.25 / 0.8 / 22) = 72, ceil(100 / 0.285) = 351) = 351, nodes
   *   ceil(351 / 60) = 6, W avg = 0.1 × 5.7 + 0.8 × 9.4 + 0.1 × 6.4 = 8.73,
   *   kW IT = (351 × 8.73 + 6 × 400) / 1000 = 5.46423, racks max(ceil(24 / 42), ceil(5.46423 / 14)) = 1.
   * SSD drives = max(ceil(1562.5 / 30.72) = 51, ceil(100 / 3.2) = 32) = 51, nodes 3,
   *   W avg = 0.5 + 12 + 2 = 14.5, kW IT = (51 × 14.5 + 3 × 500) / 1000 = 2.2395, racks 1.
   * Energy factor E = 8760 h × 1.58 × $/kWh × (1 + 1.013 + 1.013² + 1.013³ = 4.078678197)
   *   = 4550.0448 at $0.0806/kWh.
   * HDD TCO = drives 351 × 22 × 14 = 108,108 + nodes 120,000 + energy 5.46423 × E = 24,862.49
   *   + space 1 × 1,500 × 12 × 4 = 72,000 + failures 351 × 0.0157 × (22 × 14 + 100) × 4 = 8,993.46
   *   = 333,963.95.
   * SSD other costs = energy 2.2395 × E = 10,189.83 + space 72,000 + nodes 75,000
   *   + fixed failure cost 51 × 0.0157 × 4 × 100 = 320.28 = 157,510.11.
   * SSD $ per $/TB = 51 × 30.72 + 51 × 0.0157 × 4 × 30.72 = 1,566.72 + 98.39 = 1,665.11.
   * p* = (333,963.95 − 157,510.11) / 1,665.11 = $105.97/TB.
   *
   * At $0.1612/kWh (doubled) E = 9100.0897: HDD 358,826.45, SSD other 167,699.93, p* = $114.78.
   * Racks at 40 kW: still one each, p* = $114.78. At 2 kW the racks are bound by power: HDD
   * ceil(5.46423 / 2) = 3, SSD ceil(2.2395 / 2) = 2, so HDD 358,826.45 + 2 × 72,000 = 502,826.45,
   * SSD other 167,699.93 + 72,000 = 239,699.93, p* = 263,126.51 / 1,665.11 = $158.02.
   */
  it('moves the tipping point to the hand-worked figures when $/kWh or rack kW change, and redraws the tornado', async () => {
    const page = await site.page();
    await page.goto(`${site.url}${scenarioPath}`);

    // Before any change: the tornado starts from the verdict's tipping point, worked out above
    const p0 = await breakEven(page);
    expect(p0).toBe(105.97);
    const t0 = await tornado(page);
    expect(cents(t0.base)).toBe(p0);
    expect(t0.rows).toBe(10);
    expect(t0.alt).toMatch(/^The tipping point \(\$[\d,.]+\/TB\) moves most with /);
    await expect(page.locator('[data-chart="sensitivity"] canvas').isVisible()).resolves.toBe(true);
    await drawn(page, 'sensitivity');
    let pixels = await tornadoPixels(page);

    // The tornado's own prediction holds: typing its top input's +20 % value gives the tipping point it showed
    const top = page.locator('[data-region="sensitivity"] tbody tr').first();
    const key = (await top.getAttribute('data-field'))!;
    const plus = top.locator('td[data-value]').nth(1);
    const [plusValue, plusTipping] = [await plus.getAttribute('data-value'), Number(await plus.getAttribute('data-tipping'))];
    await page.locator(`input[name="${key}"]`).fill(plusValue!);
    await expect.poll(() => breakEven(page)).toBe(cents(plusTipping));
    await page.locator('[data-tco-calc] [data-tco-reset]').click();
    await expect.poll(() => breakEven(page)).toBe(p0);

    // $/kWh doubled: the displayed tipping point is the hand-worked one, and the tornado follows it
    await expect(page.locator('input[name="scenario.pricePerKWh"]').inputValue()).resolves.toBe('0.0806');
    await page.locator('input[name="scenario.pricePerKWh"]').fill('0.1612');
    const p1 = 114.78;
    await expect.poll(() => breakEven(page)).toBe(p1);
    await expect.poll(async () => cents((await tornado(page)).base)).toBe(p1);
    expect((await tornado(page)).alt).toContain(`($${p1.toFixed(2)}/TB)`);
    await expect.poll(async () => (await tornadoPixels(page)).equals(pixels)).toBe(false);
    pixels = await tornadoPixels(page);

    // Rack kW: each value shows the hand-worked tipping point; the tornado's base and sentence follow
    for (const [rackKW, p] of [[40, 114.78], [2, 158.02]] as const) {
      await page.locator('input[name="scenario.rackKW"]').fill(String(rackKW));
      await expect.poll(() => breakEven(page), { message: `rack ${rackKW} kW` }).toBe(p);
      await expect.poll(async () => cents((await tornado(page)).base)).toBe(p);
      expect((await tornado(page)).alt).toContain(`($${p.toFixed(2)}/TB)`);
    }
    // 2 kW binds both media's racks by power (HDD 3, SSD 2): a new tipping point, a new chart
    await expect.poll(async () => (await tornadoPixels(page)).equals(pixels)).toBe(false);
    expect(page.errors).toEqual([]);
  });

  it('ships a throughput-bound scenario whose HDD count is set by the performance floor', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/tco/`);
    const hrefs = await page.locator('main .tco-card h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThanOrEqual(2);
    await page.goto(`${site.url}/tco/ai-training-tier-1pb/`);
    await expect(page.locator('.lede').textContent()).resolves.toMatch(/illustrative/i);
    await expect(page.locator('.tco-counts').textContent()).resolves.toMatch(/Drive count bound by\s*performance: 100 GB\/s ÷ 0\.285 GB\/s per drive/);
    await expect(page.locator('.tco-counts tr', { hasText: 'Drives deployed' }).locator('td').first().textContent()).resolves.toBe('351');
    await expect(page.locator('[data-warning="performance"]').textContent()).resolves.toContain('351 HDDs');
    const rows = page.locator('.tco-assumptions tbody tr');
    expect(await rows.count()).toBe(46);
    for (const row of await rows.all()) {
      if (await row.locator('a[href^="/sources/"]').count()) expect(await row.locator('.tco-asof').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
      else expect(await row.textContent()).toMatch(/Assumption/);
    }
    await expect(page.locator('[data-chart="sensitivity"] canvas').isVisible()).resolves.toBe(true);
    expect(page.errors).toEqual([]);
  });

  it('offers presets as links the calculator opens with, and the 10 PB rack bound follows rack power', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/tco/ai-data-lake-10pb/`);
    const ssdRackBound = () => page.locator('.tco-counts tr', { hasText: 'Rack count bound by' }).locator('td').nth(1).textContent();
    // As shipped (14 kW): SSD racks bound by power
    await expect(page.locator('input[name="scenario.rackKW"]').inputValue()).resolves.toBe('14');
    await expect(ssdRackBound()).resolves.toMatch(/^power: [\d.]+ kW ÷ 14 kW per rack/);
    const totalAt14 = await page.locator('.tco-summary').textContent();
    await page.locator('[data-tco-presets] a', { hasText: 'Rack power: 40 kW' }).click();
    await page.waitForURL(/scenario\.rackKW=40/);
    await expect(page.locator('input[name="scenario.rackKW"]').inputValue()).resolves.toBe('40');
    await expect(ssdRackBound()).resolves.toMatch(/^rack units: \d+ × 1 U ÷ 42 U per rack/);
    expect(await page.locator('.tco-summary').textContent()).not.toBe(totalAt14);
    // The customer's contract price and the co-authored study's service lives
    await page.locator('[data-tco-presets] a', { hasText: "a customer's contract" }).click();
    await page.waitForURL(/scenario\.pricePerKWh=0\.06/);
    await expect(page.locator('input[name="scenario.pricePerKWh"]').inputValue()).resolves.toBe('0.06');
    const lives = page.locator('[data-tco-presets] li', { hasText: 'co-authored' });
    await expect(lives.textContent()).resolves.toMatch(/unverified/);
    await lives.locator('a').click();
    await page.waitForURL(/hdd\.serviceLifeYears=4/);
    await expect(page.locator('input[name="hdd.serviceLifeYears"]').inputValue()).resolves.toBe('4');
    await expect(page.locator('input[name="ssd.serviceLifeYears"]').inputValue()).resolves.toBe('10');
    expect(page.errors).toEqual([]);
  });

  it('explains an impossible input next to the field, naming it', async () => {
    const page = await site.page();
    await page.goto(`${site.url}${scenarioPath}`);
    const drive = page.locator('#tco-hdd-driveTB');
    await drive.fill('0');
    const err = page.locator('#tco-hdd-driveTB-err');
    await expect.poll(() => err.isVisible()).toBe(true);
    expect(await err.textContent()).toBe('HDD drive capacity: expected a value greater than 0 (TB raw per drive), found 0');
    expect(await drive.getAttribute('aria-invalid')).toBe('true');
    expect(await drive.getAttribute('aria-describedby')).toContain('tco-hdd-driveTB-err');
    // The verdict lists the problem with a link to the field
    await expect(page.locator('[data-region="summary"] a[href="#tco-hdd-driveTB"]').textContent()).resolves.toContain('HDD drive capacity');
    await expect(page.locator('.tco-results--stale').count()).resolves.toBe(1);

    await drive.fill('abc');
    await expect.poll(() => err.textContent()).toBe('HDD drive capacity: expected a number (TB raw per drive), found “abc”');

    // Duty shares that do not sum to 1: one message, the three fields invalid
    await drive.fill('22');
    await page.locator('#tco-scenario-dutyIdle').fill('0.5');
    await expect.poll(() => page.locator('#tco-scenario-duty-err').textContent()).toMatch(/^Duty cycle: expected dutyIdle \+ dutyRead \+ dutyWrite to sum to 1/);
    for (const f of ['dutyIdle', 'dutyRead', 'dutyWrite']) {
      expect(await page.locator(`#tco-scenario-${f}`).getAttribute('aria-invalid')).toBe('true');
    }
    await page.locator('#tco-scenario-dutyIdle').fill('0.1');
    await page.locator('#tco-scenario-dutyIdle').press('Tab'); // keyboard still moves on
    await expect.poll(() => page.locator('#tco-scenario-duty-err').isVisible()).toBe(false);
    expect(page.errors).toEqual([]);
  });

  it('keeps changed inputs in the URL, restores them on reload, and resets', async () => {
    const page = await site.page();
    await page.goto(`${site.url}${scenarioPath}`);
    const sourced = await page.locator('input[name="ssd.pricePerTB"]').inputValue();
    await page.locator('input[name="ssd.pricePerTB"]').fill('60');
    await page.locator('input[name="scenario.rackKW"]').fill('40');
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?scenario.rackKW=40&ssd.pricePerTB=60');
    const verdict = await page.locator('.tco-tipping').textContent();
    const table = await page.locator('[data-region="cumulative"]').textContent();

    await page.reload();
    expect(await page.locator('input[name="ssd.pricePerTB"]').inputValue()).toBe('60');
    expect(await page.locator('input[name="scenario.rackKW"]').inputValue()).toBe('40');
    await expect(page.locator('.tco-tipping').textContent()).resolves.toBe(verdict);
    await expect(page.locator('[data-region="cumulative"]').textContent()).resolves.toBe(table);
    await expect(page.locator('#tco-scenario-rackKW-chg').isVisible()).resolves.toBe(true);

    // Setting a field back to its source value drops it from the URL
    await page.locator('input[name="scenario.rackKW"]').fill(await page.locator('input[name="scenario.rackKW"]').getAttribute('data-default') ?? '');
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?ssd.pricePerTB=60');

    await page.locator('[data-tco-calc] [data-tco-reset]').click();
    await expect.poll(() => page.evaluate(() => location.search)).toBe('');
    expect(await page.locator('input[name="ssd.pricePerTB"]').inputValue()).toBe(sourced);
    await expect(page.locator('[data-region="changed"]').textContent()).resolves.toBe('');
    expect(page.errors).toEqual([]);
  });

  it('applies a warning’s toggle (equal refresh lives) through the same state', async () => {
    const page = await site.page();
    await page.goto(`${site.url}${scenarioPath}`);
    const hdd = page.locator('input[name="hdd.serviceLifeYears"]');
    const ssd = page.locator('input[name="ssd.serviceLifeYears"]');
    // Over the training tier's 4 years, a 2-year HDD life buys twice and a 7-year SSD life once
    await hdd.fill('2');
    await ssd.fill('7');
    const button = page.locator('[data-warning="refresh"] button').first();
    await expect.poll(() => button.isVisible()).toBe(true);
    await button.click();
    await expect.poll(() => ssd.inputValue()).toBe('2');
    expect(await hdd.inputValue()).toBe('2');
    await expect(page.locator('[data-warning="refresh"]').count()).resolves.toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('fits a 375 px screen without horizontal scrolling, inputs stacked', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await site.page({ width: 375, height: 800, colorScheme });
      await page.goto(`${site.url}${scenarioPath}`);
      await page.locator('input[name="ssd.pricePerTB"]').fill('1');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const label = await page.locator('label[for="tco-ssd-pricePerTB"]').boundingBox();
      const input = await page.locator('#tco-ssd-pricePerTB').boundingBox();
      expect(input!.y).toBeGreaterThanOrEqual(label!.y + label!.height - 1);
      expect(page.errors).toEqual([]);
    }
  });

  it('has no axe violations, light and dark, with changed and invalid inputs', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await site.page({ colorScheme });
      await page.goto(`${site.url}${scenarioPath}?ssd.pricePerTB=20`);
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await page.locator('#tco-hdd-driveTB').fill('0');
      await page.locator('#tco-scenario-dutyIdle').fill('0.7');
      expect(await axeViolations(page), `${colorScheme}, invalid`).toEqual([]);
      expect(page.errors).toEqual([]);
    }
  });

  it('shows the build-time result and tables without JavaScript', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${site.url}${scenarioPath}?ssd.pricePerTB=1`);
    await expect(page.locator('.tco-tipping').textContent()).resolves.toMatch(/SSD (breaks even|cannot break even)/);
    await expect(page.locator('[data-region="cumulative"] tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-region="components"] tbody tr').count()).resolves.toBe(4);
    await expect(page.locator('form[data-tco-calc]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-chart="cumulative"]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-region="sensitivity"] tbody tr').count()).resolves.toBe(10);
    await expect(page.locator('[data-region="sensitivity-alt"]').textContent()).resolves.toMatch(/^The tipping point .* moves most with /);
    await ctx.close();
  });

  it('prints the tables and assumptions, not the calculator or the canvases', async () => {
    const page = await site.page();
    await page.goto(`${site.url}${scenarioPath}`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('form[data-tco-calc]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-chart="cumulative"] canvas').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-region="cumulative"] table').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-chart="sensitivity"] canvas').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-region="sensitivity"] table').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-region="sensitivity-alt"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('.tco-assumptions table').first().isVisible()).resolves.toBe(true);
  });

  it('loads the calculator and Chart.js only on scenario pages', async () => {
    const page = await site.page();
    await page.goto(`${site.url}${scenarioPath}`);
    const srcs = await page.locator('script[type="module"][src]').evaluateAll((els) => els.map((e) => e.getAttribute('src')!));
    expect(srcs.length).toBeGreaterThan(0);
    for (const other of ['/', '/tco/', '/sources/']) {
      const html = await (await fetch(`${site.url}${other}`)).text();
      for (const src of srcs) expect(html, `${other} loads ${src}`).not.toContain(src);
    }
  });

  it('downloads Chart.js only when a chart comes near the viewport', async () => {
    const page = await site.page({ width: 375, height: 700 });
    const scripts: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname); });
    await page.goto(`${site.url}${scenarioPath}`, { waitUntil: 'networkidle' });
    await page.locator('fk-calculator[data-live]').waitFor();
    // On a phone the charts are far below the calculator: the page has run without them
    expect(await page.locator('fk-tco-chart[data-drawn]').count()).toBe(0);
    const before = scripts.length;
    expect(before).toBeGreaterThan(0);
    await drawn(page, 'cumulative');
    const added = scripts.slice(before);
    expect(added.length, 'one chunk (Chart.js and the chart code) is fetched on approach').toBeGreaterThan(0);
    expect(await page.locator('fk-tco-chart[data-chart="cumulative"] canvas').evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);
    expect(page.errors).toEqual([]);
  });

  it('runs two calculators on one page independently; only the one marked data-address keeps the URL', async () => {
    const page = await site.page();
    await page.goto(`${site.url}${scenarioPath}`);
    await page.locator('fk-calculator[data-live]').waitFor();
    // A second scenario's calculator, taken from its own page and added below the first
    await page.evaluate(async () => {
      const html = await (await fetch('/tco/ai-data-lake-10pb/')).text();
      const other = new DOMParser().parseFromString(html, 'text/html').querySelector('fk-calculator');
      if (!other) throw new Error('no <fk-calculator> on /tco/ai-data-lake-10pb/');
      other.removeAttribute('data-address');
      document.querySelector('fk-calculator')?.after(document.adoptNode(other));
    });
    const [one, two] = [page.locator('fk-calculator').nth(0), page.locator('fk-calculator').nth(1)];
    await two.and(page.locator('[data-live]')).waitFor();
    expect((await configOf(page, 1)).path).toBe('/tco/ai-data-lake-10pb/');
    const tipping = (calc: typeof one) => calc.locator('.tco-tipping').textContent();
    /** What the calculator shows: its verdict and its cumulative cost table. */
    const figures = async (calc: typeof one) => `${await tipping(calc)}\n${await calc.locator('[data-region="cumulative"]').textContent()}`;
    const [oneBefore, twoBefore] = [await tipping(one), await tipping(two)];
    const twoFigures = await figures(two);
    expect(oneBefore).not.toBe(twoBefore);

    // The first: SSD just above its break-even price, so HDD becomes cheaper there and only there
    const p = Number(/at \$([\d,]+\.\d\d)\/TB/.exec(oneBefore ?? '')?.[1]?.replace(/,/g, ''));
    expect(p).toBeGreaterThan(0);
    await one.locator('input[name="ssd.pricePerTB"]').fill(String(Math.round(p * 1.05 * 100) / 100));
    await expect.poll(() => one.locator('.tco-tipping').getAttribute('data-cheaper')).toBe('hdd');
    expect(await figures(two)).toBe(twoFigures);
    await expect(two.locator('[data-region="changed"]').textContent()).resolves.toBe('');
    expect(new URL(page.url()).searchParams.has('ssd.pricePerTB')).toBe(true);

    // The second: a far dearer kWh moves its own verdict, not the first's, and not the address
    const oneNow = await figures(one);
    const url = page.url();
    await two.locator('input[name="scenario.pricePerKWh"]').fill('5');
    await expect.poll(() => figures(two)).not.toBe(twoFigures);
    await expect(two.locator('[data-region="changed"]').textContent()).resolves.toContain('Electricity price');
    expect(await figures(one)).toBe(oneNow);
    expect(page.url()).toBe(url);
    // Each draws its own charts
    await drawn(page, 'cumulative', two);
    await drawn(page, 'cumulative', one);
    expect(page.errors).toEqual([]);
  });

  it('refuses a bad config with an error naming the element and the field, and keeps the built figures', async () => {
    const page = await site.page();
    await page.route(`${site.url}${scenarioPath}`, async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(/data-config="([^"]*)"/, (_m, attr: string) => {
        const config = JSON.parse(attr.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as { defaults: { ssd: Record<string, unknown> } };
        config.defaults.ssd['pricePerTB'] = 'cheap';
        return `data-config="${JSON.stringify(config).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
      });
      await route.fulfill({ response: res, body: html });
    });
    await page.goto(`${site.url}${scenarioPath}`);
    const alert = page.locator('fk-calculator > .fk-error[role="alert"]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('<fk-calculator>: bad data-config: defaults.ssd.pricePerTB must be a finite number, got "cheap"');
    expect(page.errors).toEqual([expect.stringContaining('<fk-calculator>: bad data-config: defaults.ssd.pricePerTB must be a finite number')]);
    // The page as without JavaScript: the built verdict and tables, no calculator, no charts
    await expect(page.locator('.tco-tipping').textContent()).resolves.toMatch(/SSD (breaks even|cannot break even)/);
    await expect(page.locator('[data-region="components"] tbody tr').count()).resolves.toBe(4);
    await expect(page.locator('form[data-tco-calc]').isVisible()).resolves.toBe(false);
    await expect(page.locator('fk-calculator').getAttribute('data-live')).resolves.toBeNull();
    await expect(page.locator('[data-chart="cumulative"]').isVisible()).resolves.toBe(false);
  });
});
