/**
 * `slides [cloud…]`: each cloud's dagger slide as an editable PowerPoint file,
 * `dist/kits/<cloud>-dagger.pptx` (one 16:9 slide: real text boxes, a native bar chart of the gaps
 * that have a number, the sources and presenter notes in the speaker notes). Written with
 * pptxgenjs from the same pure model as the dagger page (src/lib/charts/dagger-slide.ts), for the same
 * edition: partner and public files carry no internal text (no presenter notes, no internal
 * record). Reads the content (not dist/), so it needs no build; `build --pdf` writes them too.
 */
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import pptxgen from 'pptxgenjs';
import type { Audience } from '#schemas/common.ts';
import { applyAudience } from '#lib/editions/audience.ts';
import { checkExitCode } from '#lib/problems/problems.ts';
import { formatText } from '#lib/problems/report.ts';
import type { KitSnapshot } from '#lib/content/snapshot.ts';
import { daggerSlide, slideAsOf, slideChartGaps, speakerNotes, type DaggerSlide, type SlideSource } from '#lib/charts/dagger-slide.ts';
import { wrapWords } from '#lib/charts/dagger-chart.ts';
import { validateTree } from '../src/node/content-fs.ts';
import { today } from '../src/node/env.ts';
import { linkPdfs } from './pdf.ts';
import { builtEdition, rejectStage, withBuildLock } from './build.ts';
import { denyListFor, formatLeak, leakNeedles, scanForLeaks } from './leaks.ts';
import { audienceFlag, dateFlag, EXIT, parseArgs, PROJECT_ROOT, UsageError } from './util.ts';

/** The slide's geometry in inches (LAYOUT_WIDE, 13.333 × 7.5) and type in points. */
export const SLIDE = {
  width: 13.333, height: 7.5, margin: 0.4, gutter: 0.3,
  font: 'DejaVu Sans',
  title: 28, number: 40, unit: 22, tbd: 26, body: 16, small: 10.5, chart: 12,
  ink: '1B1F24', muted: '57606A', accent: '0B5CAD', tbdInk: '5B2FB0', theirs: '8A8F96', line: 'D0D7DE',
} as const;

export interface SlideFile { cloud: string; path: string; bytes: number }

/** One footnote of the slide: number, publisher, date, address (the full title is in the speaker notes). */
const sourceFoot = (src: SlideSource) => `${src.n}. ${src.publisher}${src.published ? `, ${src.published}` : ''}${src.url ? `: ${src.url}` : ' (internal record)'}`;

/** Builds one cloud's presentation (not yet written). */
export function slidePresentation(slide: DaggerSlide): pptxgen {
  const S = SLIDE;
  const pres = new pptxgen();
  pres.layout = 'LAYOUT_WIDE';
  pres.title = `${slide.cloud.short} dagger: ${slide.title}`;
  pres.subject = `${slide.cloud.name} dagger slide (${slide.edition} edition)`;
  pres.company = 'Fieldkit';
  const s = pres.addSlide();
  const inner = S.width - 2 * S.margin;
  const colW = (inner - 2 * S.gutter) / 3;
  const text = { fontFace: S.font, color: S.ink, margin: 0, valign: 'top' as const, fit: 'none' as const };

  s.addText(slide.title, { ...text, x: S.margin, y: 0.35, w: inner, h: 1.0, fontSize: S.title, bold: true, lineSpacingMultiple: 0.95 });

  // Rows flow top to bottom; each row is as tall as its longest text among the three columns,
  // estimated from the characters a line holds at that size (DejaVu Sans: about 0.55 em a
  // character, 0.6 em bold), so a three-line metric pushes the rows below it down.
  const lineIn = (pt: number) => (pt * 1.2) / 72;
  const perLine = (pt: number, w: number, bold = false) => Math.floor((w * 72) / (pt * (bold ? 0.6 : 0.55)));
  const linesOf = (t: string, pt: number, w: number, bold = false) => wrapWords(t, perLine(pt, w, bold)).length;
  const gaps = slide.gaps.slice(0, 3);
  const charts = slideChartGaps(slide).filter((c) => gaps.includes(c.gap));
  const rowH = 0.26;
  const top = 1.45;
  const metricY = top + 0.92;
  const metricH = Math.max(1, ...gaps.map((g) => linesOf(g.metric, S.body, colW, true))) * lineIn(S.body);
  const chartY = metricY + metricH + 0.08;
  const chartH = charts.length ? 2 * rowH + 0.1 : 0;
  const whyY = chartY + chartH;
  const whyH = Math.max(1, ...gaps.map((g) => linesOf(g.why, S.body, colW))) * lineIn(S.body) + 0.08;
  const fitY = whyY + whyH;
  const fitH = Math.max(0, ...gaps.map((g) => (g.fit ? linesOf(`Our fit: ${g.fit}`, S.body, colW) : 0))) * lineIn(S.body);

  gaps.forEach((g, i) => {
    const x = S.margin + i * (colW + S.gutter);
    s.addShape(pres.ShapeType.rect, { x, y: top, w: colW, h: 0.05, fill: { color: S.accent }, line: { color: S.accent, width: 0 } });
    const marks = g.notes.length ? [{ text: g.notes.join(','), options: { fontSize: 18, superscript: true, color: S.muted } }] : [];
    const marker = g.marker && g.marker !== 'tbd' ? [{ text: `  ${g.marker}`, options: { fontSize: 12, bold: true, color: S.muted } }] : [];
    const figure = g.quantified
      ? [{ text: g.figure.number, options: { fontSize: S.number, bold: true } }, { text: ` ${g.figure.unit}`, options: { fontSize: S.unit, bold: true } }]
      : [{ text: g.figure.number, options: { fontSize: S.tbd, bold: true, color: S.tbdInk } }];
    s.addText([...figure, ...marks, ...marker], { ...text, x, y: top + 0.12, w: colW, h: 0.72, valign: 'bottom' });
    s.addText(g.metric, { ...text, x, y: metricY, w: colW, h: metricH, fontSize: S.body, bold: true });
    s.addText(g.why, { ...text, x, y: whyY, w: colW, h: whyH, fontSize: S.body });
    if (g.fit) {
      s.addText([{ text: 'Our fit: ', options: { bold: true, color: S.accent } }, { text: g.fit }], { ...text, x, y: fitY, w: colW, h: fitH, fontSize: S.body });
    }
  });

  // A native bar chart per gap that has a number: their figure, and ours only when it is a number
  // in the same unit. A TBD side is not drawn (never a zero bar); the words say "not yet measured".
  // The chart holds no text (LibreOffice shrinks chart text in a small chart): the row labels are
  // text boxes beside it, and the value is the big number above.
  for (const c of charts) {
    const x = S.margin + gaps.indexOf(c.gap) * (colW + S.gutter);
    const rows = [slide.cloud.short, ...(c.ours !== undefined ? ['Ours'] : [])];
    const values = [c.theirs, ...(c.ours !== undefined ? [c.ours] : [])];
    rows.forEach((r, k) => s.addText(r, { ...text, x, y: chartY + k * rowH, w: 0.9, h: rowH, fontSize: S.chart, bold: true, color: S.muted, valign: 'middle' }));
    // A bar chart draws its first category at the bottom: give them bottom-up, so the bars line up
    // with the row labels (top to bottom).
    s.addChart(pres.ChartType.bar, [{ name: c.label, labels: [...rows].reverse(), values: [...values].reverse() }], {
      x: x + 0.95, y: chartY, w: colW - 0.95, h: rowH * rows.length, barDir: 'bar', barGapWidthPct: 35,
      chartColors: c.ours === undefined ? [S.theirs] : [S.accent, S.theirs],
      showValue: false, catAxisHidden: true, valAxisHidden: true, valAxisMinVal: 0,
      valGridLine: { style: 'none' }, catGridLine: { style: 'none' }, showLegend: false, showTitle: false,
      layout: { x: 0, y: 0, w: 1, h: 1 },
    });
    if (c.ours === undefined) {
      s.addText('Ours: not yet measured', { ...text, x, y: chartY + rowH, w: colW, h: rowH, fontSize: S.chart, italic: true, color: S.muted, valign: 'middle' });
    }
  }

  // The ask, then the footnotes anchored to the foot of the slide; the ask's type steps down (not
  // below 12 pt) if the columns above left too little room.
  const cited = slide.sources.filter((src) => slide.gaps.some((g) => g.notes.includes(src.n)));
  const footLines = 1 + cited.reduce((n, src) => n + Math.ceil(sourceFoot(src).length / perLine(S.small, inner)), 0);
  const footH = footLines * lineIn(S.small);
  const footY = S.height - 0.25 - footH;
  const askTop = fitY + fitH + 0.12;
  const askPt = [14, 13, 12, 11, 10].find((pt) => askTop + 0.28 + Math.max(...slide.ask.slice(0, 3).map((a) => linesOf(a, pt, colW - 0.12))) * lineIn(pt) <= footY - 0.08) ?? 10; // never below 10 pt
  const askH = Math.max(...slide.ask.slice(0, 3).map((a) => linesOf(a, askPt, colW - 0.12))) * lineIn(askPt);
  s.addText('THE ASK', { ...text, x: S.margin, y: askTop, w: inner, h: 0.26, fontSize: 12, bold: true, color: S.muted, charSpacing: 1 });
  slide.ask.slice(0, 3).forEach((a, i) => {
    const x = S.margin + i * (colW + S.gutter);
    s.addShape(pres.ShapeType.rect, { x, y: askTop + 0.3, w: 0.04, h: askH, fill: { color: S.line }, line: { color: S.line, width: 0 } });
    s.addText(a, { ...text, x: x + 0.12, y: askTop + 0.28, w: colW - 0.12, h: askH + 0.04, fontSize: askPt });
  });

  const foot = [
    { text: `${slide.cloud.name} · ${slideAsOf(slide)}`, options: { bold: true, breakLine: cited.length > 0 } },
    ...cited.map((src, i) => ({ text: sourceFoot(src), options: { ...(src.url ? { hyperlink: { url: src.url } } : {}), breakLine: i < cited.length - 1 } })),
  ];
  s.addText(foot, { ...text, x: S.margin, y: footY, w: inner, h: footH, fontSize: S.small, color: S.muted, valign: 'bottom' });
  s.addNotes(speakerNotes(slide));
  return pres;
}

/**
 * Writes `<outDir>/<cloud>-dagger.pptx` for each cloud (all clouds with a dagger when none named)
 * from an edition's snapshot. Unknown clouds are a usage error. Each file is written to a temporary
 * name and renamed, so a reader never sees half a file.
 */
export async function writeSlides(
  kit: { snapshot: KitSnapshot; now: string; edition: Audience },
  outDir: string,
  clouds: readonly string[] = [],
): Promise<SlideFile[]> {
  const withDagger = kit.snapshot.clouds.filter((c) => c.data.dagger).map((c) => c.id);
  const unknown = clouds.filter((c) => !withDagger.includes(c));
  if (unknown.length) {
    throw new UsageError(`no dagger slide for ${unknown.map((c) => `"${c}"`).join(', ')} in the ${kit.edition} edition. Clouds with one: ${withDagger.join(', ') || 'none'}.`);
  }
  mkdirSync(outDir, { recursive: true });
  const files: SlideFile[] = [];
  for (const cloud of clouds.length ? [...new Set(clouds)] : withDagger) {
    const slide = daggerSlide(kit.snapshot, cloud, kit.now, kit.edition)!;
    const path = join(outDir, `${cloud}-dagger.pptx`);
    const tmp = join(outDir, `.${cloud}-dagger.tmp.pptx`);
    const pres = slidePresentation(slide);
    await pres.writeFile({ fileName: tmp, compression: true });
    renameSync(tmp, path);
    files.push({ cloud, path, bytes: statSync(path).size });
  }
  return files;
}

/**
 * `build --pdf`: the edition's slides next to its PDFs in <distDir>/kits/, their names on the
 * pages turned into links (as for the PDFs).
 */
export async function writeEditionSlides(opts: { root: string; distDir: string; audience: Audience; now: string }): Promise<SlideFile[]> {
  const v = validateTree(opts.root, opts.now, opts.audience);
  const files = await writeSlides({ snapshot: applyAudience(v.snapshot, opts.audience).snapshot, now: opts.now, edition: opts.audience }, join(opts.distDir, 'kits'));
  linkPdfs(opts.distDir, files.map((f) => ({ cloud: f.cloud, kind: 'dagger' as const, path: f.path, pages: 1, bytes: f.bytes })));
  return files;
}

export async function slidesCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['out', 'audience', 'now'], booleans: [] });
  for (const c of args.positional) if (!/^[a-z0-9][a-z0-9-]*$/.test(c)) throw new UsageError(`"${c}" is not a cloud id`);
  const dist = join(PROJECT_ROOT, 'dist');
  // Default edition: the built site's, so the .pptx sits next to PDFs of the same edition.
  const edition = args.flags.has('audience') ? audienceFlag(args.flags.get('audience')) : (builtEdition(dist) ?? 'internal');
  const now = dateFlag(args.flags.get('now')) ?? today();
  const out = args.flags.get('out');
  const outDir = typeof out === 'string' ? resolve(out) : join(dist, 'kits');
  const v = validateTree(PROJECT_ROOT, now, edition);
  if (checkExitCode(v.problems, false) !== 0) {
    process.stderr.write(formatText(v.problems.filter((p) => p.severity === 'error'), v.files));
    process.stderr.write('\nslides: the content has errors (above); fix them first (./fieldkit check).\n');
    return EXIT.problems;
  }
  const { snapshot } = applyAudience(v.snapshot, edition);
  const terms = denyListFor(PROJECT_ROOT, edition, 'slides');
  // Written into a staging folder and leak-tested there, like the PDFs; only a clean set is moved in.
  const files = await withBuildLock(PROJECT_ROOT, async () => {
    const work = join(PROJECT_ROOT, '.fieldkit');
    const stage = join(work, 'slides-stage');
    rmSync(stage, { recursive: true, force: true });
    mkdirSync(stage, { recursive: true });
    const staged = await writeSlides({ snapshot, now, edition }, stage, args.positional);
    const { leaks } = await scanForLeaks(stage, leakNeedles(terms, v.snapshot, edition), { root: PROJECT_ROOT });
    if (leaks.length) {
      const rejected = rejectStage(work, stage);
      for (const l of leaks) process.stderr.write(formatLeak(l));
      process.stderr.write(`slides: the slides leak ${leaks.length} time(s) (above); nothing was written (the rejected files are in ${relative(process.cwd(), rejected)}/).\n`);
      return undefined;
    }
    mkdirSync(outDir, { recursive: true });
    const moved = staged.map((f) => {
      const dest = join(outDir, relative(stage, f.path));
      renameSync(f.path, dest);
      return { ...f, path: dest };
    });
    rmSync(stage, { recursive: true, force: true });
    return moved;
  });
  if (!files) return EXIT.problems;
  if (outDir === join(dist, 'kits')) linkPdfs(dist, files.map((f) => ({ cloud: f.cloud, kind: 'dagger' as const, path: f.path, pages: 1, bytes: f.bytes })));
  const rel = (p: string) => relative(process.cwd(), p) || p;
  process.stderr.write(`wrote ${files.length} PowerPoint slide${files.length === 1 ? '' : 's'} (${edition} edition)\n${files.map((f) => `  ${rel(f.path)}  ${Math.round(f.bytes / 1024)} KB`).join('\n')}\n`);
  return EXIT.ok;
}
