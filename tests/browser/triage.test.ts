/**
 * The RFP triage tool in Chromium: answers -> verdict (with the answers that drove it and the next
 * step) -> the address -> the same answers and verdict when the address is opened again; band edges
 * typed into number fields; incomplete answers; the page without JavaScript (the rubric); print
 * (one page, boxes and blanks); 375 px; axe. Answers are derived from the rubric the page embeds,
 * so the test follows the content.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './browser.ts';
import { axeViolations } from './axe.ts';

const site = useSite();

type Verdict = 'green' | 'yellow' | 'red';
interface Question {
  key: string;
  text: string;
  choices?: { value: string; label: string; verdict: Verdict }[];
  number?: { unit: string; min: number; bands: { below?: number; verdict: Verdict; label: string }[] };
}
interface Rubric { questions: Question[]; rule: { yellowAt: number }; next: Record<Verdict, string> }

async function rubricOf(page: Page): Promise<Rubric> {
  return JSON.parse((await page.locator('fk-triage').first().getAttribute('data-config')) ?? 'null') as Rubric;
}

/** An answer to `q` with verdict `v` (a choice value, or a number inside the band), if it has one. */
function answerWith(q: Question, v: Verdict): string | undefined {
  if (q.choices) return q.choices.find((c) => c.verdict === v)?.value;
  const bands = q.number!.bands;
  const i = bands.findIndex((b) => b.verdict === v);
  if (i < 0) return undefined;
  return String(i === 0 ? q.number!.min : bands[i - 1]!.below);
}

async function answer(page: Page, q: Question, value: string) {
  if (q.choices) await page.locator(`input[name="q-${q.key}"][value="${value}"]`).check();
  else await page.locator(`input[name="q-${q.key}"]`).fill(value);
}

const verdictOf = (page: Page) => page.locator('[data-region="verdict"] .tv').getAttribute('data-verdict');
const panelText = async (page: Page) => (await page.locator('[data-region="verdict"]').textContent())!.replace(/\s+/g, ' ');

async function openTriage(width = 1280) {
  const page = await site.page({ width });
  const res = await page.goto(`${site.url}/triage/`);
  expect(res?.status()).toBe(200);
  await page.waitForSelector('[data-triage][data-live]');
  return { page, rubric: await rubricOf(page) };
}

describe('RFP triage tool', () => {
  it('starts incomplete, listing every question as still to answer', async () => {
    const { page, rubric } = await openTriage();
    expect(rubric.questions.length).toBeGreaterThanOrEqual(7);
    expect(await verdictOf(page)).toBe('incomplete');
    const text = await panelText(page);
    expect(text).toContain(`0 of ${rubric.questions.length} answered`);
    expect(await page.locator('.tv-missing li').count()).toBe(rubric.questions.length);
    expect(new URL(page.url()).search).toBe('');
    expect(page.errors).toEqual([]);
  });

  it('answers -> green verdict with the next step (bid) and every answer in the address', async () => {
    const { page, rubric } = await openTriage();
    for (const q of rubric.questions) await answer(page, q, answerWith(q, 'green') ?? answerWith(q, 'yellow')!);
    const yellows = rubric.questions.filter((q) => !answerWith(q, 'green')).length;
    expect(yellows).toBeLessThan(rubric.rule.yellowAt);
    expect(await verdictOf(page)).toBe('green');
    expect(await panelText(page)).toMatch(/^Green\s*Bid/);
    expect(await page.locator('.tv-next').textContent()).toBe(rubric.next.green);
    const params = new URL(page.url()).searchParams;
    for (const q of rubric.questions) expect(params.get(`q-${q.key}`), q.key).not.toBeNull();
    expect(await page.locator('[data-triage]').getAttribute('data-verdict')).toBe('green');
    expect(page.errors).toEqual([]);
  });

  it('one red answer makes it red (no-bid) and names the answer that drove it', async () => {
    const { page, rubric } = await openTriage();
    const redQ = rubric.questions.find((q) => q.choices?.some((c) => c.verdict === 'red'))!;
    for (const q of rubric.questions) await answer(page, q, q === redQ ? answerWith(q, 'red')! : answerWith(q, 'green') ?? answerWith(q, 'yellow')!);
    expect(await verdictOf(page)).toBe('red');
    const drivers = await page.locator('.tv-drivers li').allTextContents();
    expect(drivers).toHaveLength(1);
    expect(drivers[0]).toContain(redQ.text);
    expect(drivers[0]).toContain(redQ.choices!.find((c) => c.verdict === 'red')!.label);
    expect(await panelText(page)).toContain('No-bid');
  });

  it('yellow answers up to the threshold make it yellow (clarify scope), naming them', async () => {
    const { page, rubric } = await openTriage();
    const yq = rubric.questions.filter((q) => answerWith(q, 'yellow') !== undefined).slice(0, rubric.rule.yellowAt);
    expect(yq).toHaveLength(rubric.rule.yellowAt);
    for (const q of rubric.questions) await answer(page, q, yq.includes(q) ? answerWith(q, 'yellow')! : answerWith(q, 'green') ?? answerWith(q, 'yellow')!);
    expect(await verdictOf(page)).toBe('yellow');
    expect(await panelText(page)).toContain('Clarify scope');
    const drivers = await page.locator('.tv-drivers li').allTextContents();
    for (const q of yq) expect(drivers.some((d) => d.includes(q.text)), q.key).toBe(true);
  });

  it('the address round-trips: opening it again restores the answers and the verdict', async () => {
    const { page, rubric } = await openTriage();
    const mixed = rubric.questions.map((q, i) => [q, answerWith(q, i % 3 === 0 ? 'yellow' : 'green') ?? answerWith(q, 'green')!] as const);
    for (const [q, v] of mixed) await answer(page, q, v);
    const url = page.url();
    const verdict = await verdictOf(page);
    const panel = await panelText(page);

    const again = await site.page();
    await again.goto(url);
    await again.waitForSelector('[data-triage][data-live]');
    for (const [q, v] of mixed) {
      if (q.choices) expect(await again.locator(`input[name="q-${q.key}"][value="${v}"]`).isChecked(), q.key).toBe(true);
      else expect(await again.locator(`input[name="q-${q.key}"]`).inputValue(), q.key).toBe(v);
    }
    expect(await verdictOf(again)).toBe(verdict);
    expect(await panelText(again)).toBe(panel);
    expect(again.url()).toBe(url);
    expect(again.errors).toEqual([]);
  });

  it('number bands: a value at a band\'s upper edge falls in the next band', async () => {
    const { page, rubric } = await openTriage();
    const q = rubric.questions.find((x) => x.number && x.number.bands.length >= 2)!;
    const edge = q.number!.bands[0]!.below!;
    const chip = page.locator(`li.tq[data-key="${q.key}"] [data-out] .chip`);
    await answer(page, q, String(edge - 0.001));
    expect(await chip.getAttribute('class')).toContain(`chip--${q.number!.bands[0]!.verdict}`);
    await answer(page, q, String(edge));
    expect(await chip.getAttribute('class')).toContain(`chip--${q.number!.bands[1]!.verdict}`);
    expect(await page.locator(`li.tq[data-key="${q.key}"]`).getAttribute('data-answer')).toBe(q.number!.bands[1]!.verdict);
  });

  it('an unusable number is flagged beside the field and counts as missing', async () => {
    const { page, rubric } = await openTriage();
    const q = rubric.questions.find((x) => x.number)!;
    await answer(page, q, 'fast');
    const err = page.locator(`li.tq[data-key="${q.key}"] [data-err]`);
    expect(await err.isVisible()).toBe(true);
    expect(await err.textContent()).toBe('"fast" is not a number');
    expect(await page.locator(`input[name="q-${q.key}"]`).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.tv-missing').textContent()).toContain('"fast" is not a number');
  });

  it('one question left unanswered: incomplete, says which, and links to it', async () => {
    const { page, rubric } = await openTriage();
    const last = rubric.questions.at(-1)!;
    for (const q of rubric.questions.slice(0, -1)) await answer(page, q, answerWith(q, 'green') ?? answerWith(q, 'yellow')!);
    expect(await verdictOf(page)).toBe('incomplete');
    const missing = page.locator('.tv-missing a');
    expect(await missing.count()).toBe(1);
    expect(await missing.textContent()).toContain(last.text);
    expect(await missing.getAttribute('href')).toBe(`#q-${last.key}`);
    expect(new URL(page.url()).searchParams.has(`q-${last.key}`)).toBe(false);
  });

  it('a red answer settles it before the rest are answered', async () => {
    const { page, rubric } = await openTriage();
    const q = rubric.questions.find((x) => x.choices?.some((c) => c.verdict === 'red'))!;
    await answer(page, q, answerWith(q, 'red')!);
    expect(await verdictOf(page)).toBe('incomplete');
    expect(await page.locator('.tv-settled').textContent()).toMatch(/Already red/);
  });

  it('Clear answers empties the form, the address and the verdict', async () => {
    const { page, rubric } = await openTriage();
    for (const q of rubric.questions.slice(0, 3)) await answer(page, q, answerWith(q, 'green') ?? answerWith(q, 'yellow')!);
    expect(new URL(page.url()).search).not.toBe('');
    await page.getByRole('button', { name: 'Clear answers' }).click();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('form[data-triage-form] input:checked').count()).toBe(0);
    expect(await panelText(page)).toContain(`0 of ${rubric.questions.length} answered`);
  });

  it('ignores address parameters it does not know', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/triage/?q-nope=1&utm_source=x`);
    await page.waitForSelector('[data-triage][data-live]');
    expect(await verdictOf(page)).toBe('incomplete');
    expect(page.errors).toEqual([]);
  });

  it('fits 375 px without horizontal scrolling, with a verdict shown', async () => {
    const { page, rubric } = await openTriage(375);
    for (const q of rubric.questions) await answer(page, q, answerWith(q, 'green') ?? answerWith(q, 'yellow')!);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await page.locator('[data-verdict-panel]').isVisible()).toBe(true);
  });

  it('has no axe violations with a verdict shown, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await site.page({ colorScheme });
      await page.goto(`${site.url}/triage/`);
      const rubric = await rubricOf(page);
      const q = rubric.questions.find((x) => x.number)!;
      await answer(page, q, 'fast');
      const violations = await axeViolations(page);
      expect(violations, colorScheme).toEqual([]);
    }
  });
});

describe('RFP triage with a bad config', () => {
  it('names the element and the field, and leaves the rubric as it is without JavaScript', async () => {
    const page = await site.page();
    await page.route(`${site.url}/triage/`, async (route) => {
      const res = await route.fetch();
      // The rule's threshold as text instead of a number
      const html = (await res.text()).replace(/(<fk-triage data-config="[^"]*?&quot;yellowAt&quot;:)(\d+)/, '$1&quot;$2&quot;');
      expect(html).toMatch(/&quot;yellowAt&quot;:&quot;\d+&quot;/);
      await route.fulfill({ response: res, body: html });
    });
    await page.goto(`${site.url}/triage/`);
    const alert = page.locator('fk-triage > .fk-error[role="alert"]').first();
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/<fk-triage>: bad data-config: rule\.yellowAt must be a number, got "\d+"/);
    expect(page.errors).toEqual([expect.stringMatching(/^<fk-triage>: bad data-config: rule\.yellowAt must be a number/)]);
    // No live verdict, the actions stay hidden; every question and its choices are there to read
    await expect(page.locator('[data-triage]').first().getAttribute('data-live')).resolves.toBeNull();
    await expect(page.locator('[data-verdict-panel]').first().isVisible()).resolves.toBe(false);
    expect(await page.locator('li.tq').count()).toBeGreaterThan(0);
    await expect(page.locator('.tq-choice').first().isVisible()).resolves.toBe(true);
  });
});

describe('RFP triage without JavaScript', () => {
  it('shows the rubric: every question, each choice and band with its verdict, the rule and next steps', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/triage/`);
    const rubric = await rubricOf(page);
    expect(await page.locator('li.tq').count()).toBe(rubric.questions.length);
    for (const q of rubric.questions) {
      const item = page.locator(`li.tq[data-key="${q.key}"]`);
      expect(await item.locator('legend').textContent()).toContain(q.text);
      const chips = await item.locator('.chip').allTextContents();
      const expected = q.choices ? q.choices.map((c) => c.verdict) : q.number!.bands.map((b) => b.verdict);
      expect(chips.map((c) => c.toLowerCase())).toEqual(expected);
    }
    expect(await page.locator('[data-verdict-panel]').isVisible()).toBe(false);
    expect(await page.locator('.triage-noscript').isVisible()).toBe(true);
    const rubricText = (await page.locator('.triage-rubric').textContent())!;
    expect(rubricText).toMatch(/Any red answer makes the verdict red/);
    for (const step of ['Bid', 'Clarify scope', 'No-bid']) expect(rubricText).toContain(step);
    await ctx.close();
  });
});

describe('RFP triage in print', () => {
  const pdfPages = (pdf: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldkit-triage-'));
    const file = join(dir, 'triage.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    if (r.status === 0) return Number(/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1]);
    // Without poppler: count page objects.
    return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  };

  for (const format of ['A4', 'Letter'] as const) {
    it(`is one ${format} page with boxes and blanks, and no site chrome`, async () => {
      const page = await site.page();
      await page.goto(`${site.url}/triage/`);
      await page.waitForSelector('[data-triage][data-live]');
      await page.emulateMedia({ media: 'print' });
      expect(pdfPages(await page.pdf({ format, preferCSSPageSize: true }))).toBe(1);
      // Paper fields instead of the live panel; every choice a box, every number a blank line.
      expect(await page.locator('.triage-paper-head').isVisible()).toBe(true);
      expect(await page.locator('.triage-paper-foot .tp-box').count()).toBe(3);
      expect(await page.locator('[data-verdict-panel]').isVisible()).toBe(false);
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      const box = await page.locator('.tq-choice input').first().evaluate((el) => {
        const s = getComputedStyle(el);
        return { appearance: s.appearance, border: s.borderTopStyle };
      });
      expect(box).toEqual({ appearance: 'none', border: 'solid' });
      const blank = await page.locator('.tq-field input').first().evaluate((el) => {
        const s = getComputedStyle(el);
        return { top: s.borderTopStyle, bottom: s.borderBottomStyle };
      });
      expect(blank).toEqual({ top: 'none', bottom: 'solid' });
    });
  }

  it('prints the answers given and ticks the verdict box', async () => {
    const { page, rubric } = await openTriage();
    const q = rubric.questions.find((x) => x.choices?.some((c) => c.verdict === 'red'))!;
    for (const x of rubric.questions) await answer(page, x, x === q ? answerWith(x, 'red')! : answerWith(x, 'green') ?? answerWith(x, 'yellow')!);
    await page.emulateMedia({ media: 'print' });
    expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBe(1);
    // Boxes in order green, yellow, red: only red is filled.
    const fills = await page.locator('.tp-box').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor === 'rgb(0, 0, 0)'));
    expect(fills).toEqual([false, false, true]);
    expect(await page.locator(`input[name="q-${q.key}"]:checked`).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
  });
});

describe('the rest of the kit', () => {
  it('/frds/ filters by cloud, status and owner without JavaScript', async () => {
    const ctx = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/frds/`);
    const rows = page.locator('.frd-table tbody tr');
    const all = await rows.evaluateAll((trs) => trs.map((tr) => ({ cloud: tr.getAttribute('data-cloud')!.split(' '), status: tr.getAttribute('data-status')!, owner: tr.getAttribute('data-owner')! })));
    expect(all.length).toBeGreaterThanOrEqual(2);
    const visible = () => rows.evaluateAll((trs) => trs.filter((tr) => getComputedStyle(tr).display !== 'none').length);
    expect(await visible()).toBe(all.length);
    const pick = all[0]!;
    const check = (group: string, value: string) => page.locator(`input[name="f-${group}"][value="${value}"]`).check();
    await check('cloud', pick.cloud[0]!);
    expect(await visible()).toBe(all.filter((r) => r.cloud.includes(pick.cloud[0]!)).length);
    await check('status', pick.status);
    await check('owner', pick.owner);
    const expected = all.filter((r) => r.cloud.includes(pick.cloud[0]!) && r.status === pick.status && r.owner === pick.owner).length;
    expect(await visible()).toBe(expected);
    // An owner with no FRD on that cloud: nothing left.
    const other = all.find((r) => !r.cloud.includes(pick.cloud[0]!));
    if (other && !all.some((r) => r.owner === other.owner && r.cloud.includes(pick.cloud[0]!))) {
      await check('owner', other.owner);
      expect(await visible()).toBe(0);
    }
    for (const g of ['cloud', 'status', 'owner']) await check(g, '');
    expect(await visible()).toBe(all.length);
    expect(await page.locator('script').count()).toBe(0);
    await ctx.close();
  });

  it('a review page shows its fixed sections: 3 wins, 3 losses with owner and ETA, 5 gaps with FRDs, plays per cloud', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/reviews/`);
    await page.locator('table a[href^="/reviews/"]').first().click();
    await page.waitForURL(/\/reviews\/\d{4}-\d{2}\/$/);
    expect(await page.locator('.patterns--win > li').count()).toBe(3);
    expect(await page.locator('.patterns--loss > li').count()).toBe(3);
    for (const dt of ['Root cause', 'Owner', 'ETA']) expect(await page.locator(`.patterns--loss dt:text-is("${dt}")`).count()).toBe(3);
    const gaps = page.locator('#gaps + .table-wrap tbody tr');
    expect(await gaps.count()).toBe(5);
    expect(await gaps.locator('a[href^="/frds/"]').count()).toBe(5);
    expect(await page.locator('#next + .table-wrap tbody a[href^="/plays/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.example-note').textContent()).toMatch(/Example/);
    expect(page.errors).toEqual([]);
  });

  it('/signals/ lists the open ones first', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/signals/`);
    const statuses = await page.locator('.signal .chip').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    const firstClosed = statuses.findIndex((s) => s !== 'Open');
    if (firstClosed >= 0) expect(statuses.slice(firstClosed)).not.toContain('Open');
    expect(statuses[0]).toBe('Open');
  });

  it('/blueprint/ assembles the Tier-2 cloud, its control-plane partners by role and its plays', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/blueprint/`);
    expect(await page.locator('.stack__roles > li').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('table tbody tr[id^="partner-"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href^="/plays/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main section a[href^="/clouds/"]').first().getAttribute('href')).toMatch(/^\/clouds\/[^/]+\/$/);
    for (const path of ['/blueprint/', '/signals/', '/reviews/']) {
      const p = await site.page({ width: 375, height: 800 });
      await p.goto(`${site.url}${path}`);
      expect(await p.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
  });

  it('reviews, signals, blueprint and FRDs have no axe violations, light and dark', async () => {
    for (const path of ['/reviews/', '/signals/', '/blueprint/', '/frds/']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await site.page({ colorScheme });
        await page.goto(`${site.url}${path}`);
        const violations = await axeViolations(page);
        expect(violations, `${path} ${colorScheme}`).toEqual([]);
      }
    }
    const page = await site.page();
    await page.goto(`${site.url}/reviews/`);
    const review = await page.locator('table a[href^="/reviews/"]').first().getAttribute('href');
    for (const colorScheme of ['light', 'dark'] as const) {
      const p = await site.page({ colorScheme });
      await p.goto(`${site.url}${review}`);
      const violations = await axeViolations(p);
      expect(violations, `${review} ${colorScheme}`).toEqual([]);
    }
  });
});
