/**
 * The dagger chart as static SVG geometry: for each of a cloud's dagger gaps, one small pair of
 * bars, their figure and ours. Pure (numbers and strings in, coordinates and strings out), so the
 * chart is drawn at build time with no script and prints as it shows.
 *
 * Why pairs and not one axis: the gaps are in different units (Gbps, ms, requests/s, accounts),
 * so no single scale can hold them. Each pair gets its own scale, the larger known figure of the
 * two spanning the track; lengths compare only within a pair. A normalised "ours ÷ theirs" axis
 * would hold them all, but it has a value only where both figures are known, and a chart that is
 * all TBD hides the limits that are known. The ratio is given in the table instead, where known.
 *
 * TBD is drawn as TBD: a hatched band with a dashed outline across the whole track, labelled, so
 * it can never be read as a zero or a short bar. A gap with no figure of ours at all says so in
 * words, with no band. A known 0 is a real zero: a hairline at the start of the track.
 */
import { formatValue } from '../site/views.ts';
import { lowerFirst } from '../format/text.ts';
import { round } from './svg-chart.ts';

/** One gap, as the chart needs it (from a dagger claim and its `ours`). */
export interface DaggerGap {
  /** Place on the dagger page (1 = headline gap). */
  rank: number;
  /** What is measured ("Default max ingress per storage account"). */
  metric: string;
  /** Unit of their figure ("Gbps"). */
  unit: string;
  better: 'higher' | 'lower';
  /** Their figure, or TBD. */
  theirs: number | 'TBD';
  /** Our side of the comparison; absent when the claim compares nothing of ours. */
  ours?: { value: number | 'TBD'; unit: string };
}

/** What one side of a pair draws. */
export type DaggerMark =
  | { kind: 'bar'; x: number; y: number; width: number; height: number; value: number; text: string }
  | { kind: 'tbd'; x: number; y: number; width: number; height: number; text: 'TBD' }
  | { kind: 'none'; x: number; y: number; text: string };

export interface DaggerSide {
  /** Row label ("Azure", "Ours"). */
  label: string;
  /** Baseline of the row label and the value text. */
  textY: number;
  mark: DaggerMark;
  /** The value as written at the end of the row ("60 Gbps", "TBD", "—"). */
  valueText: string;
}

export interface DaggerPair {
  rank: number;
  /** The title, wrapped: "Gap 1 · Default max ingress per storage account (Gbps, higher is better)". */
  title: { text: string; y: number }[];
  theirs: DaggerSide;
  ours: DaggerSide;
  /**
   * Ours ÷ theirs when both are known numbers in one unit and theirs is not 0; 'TBD' when a side
   * is TBD; null when there is nothing of ours to compare or the units differ.
   */
  ratio: number | 'TBD' | null;
  /** Set when the two figures are in different units, so the bars are not on one scale. */
  note?: string;
}

export interface DaggerChartLayout {
  width: number;
  height: number;
  pairs: DaggerPair[];
  /** Where the bars start and how long the track is, in SVG units (for the legend). */
  track: { x: number; width: number };
  /** The value column's left edge. */
  valueX: number;
  /** The row labels' right edge. */
  labelX: number;
}

/**
 * Geometry, in SVG units. The component's text is 12.5 (titles) and 12 (rows): narrow enough
 * (400 wide) that the text stays about 10 px on a 375 px phone, where the chart spans the screen.
 */
export const DAGGER_CHART = {
  width: 400,
  labelX: 66,
  trackX: 72,
  trackWidth: 206,
  valueX: 286,
  titleLine: 16,
  titleChars: 52,
  barHeight: 14,
  rowStep: 20,
  pairGap: 14,
  top: 2,
} as const;


/** Words on lines of at most `max` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const known = (v: number | 'TBD' | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Lays out one pair per gap, top to bottom in the order given.
 * @param theirsLabel the row label for their figure, e.g. the cloud's short name
 */
export function daggerChart(gaps: readonly DaggerGap[], theirsLabel: string): DaggerChartLayout {
  const c = DAGGER_CHART;
  let y: number = c.top;
  const pairs = gaps.map((g): DaggerPair => {
    const title = wrapWords(`Gap ${g.rank} · ${g.metric} (${g.unit}, ${g.better} is better)`, c.titleChars).map((text) => {
      y += c.titleLine;
      return { text, y: y - 4 };
    });
    y += 4;
    const ours = g.ours;
    const sameUnit = !ours || ours.unit === g.unit;
    // One scale per pair: the larger known figure spans the track (each its own when units differ).
    const scaleFor = (v: number) => (sameUnit ? Math.max(...[g.theirs, ours?.value].filter(known), 0) : v) || 1;
    const side = (label: string, value: number | 'TBD' | undefined, unit: string, present: boolean): DaggerSide => {
      const rowY = y;
      y += c.rowStep;
      const textY = round(rowY + c.barHeight - 3);
      if (!present) {
        return { label, textY, valueText: '—', mark: { kind: 'none', x: c.trackX, y: textY, text: 'no like-for-like figure of ours' } };
      }
      if (!known(value)) {
        return { label, textY, valueText: 'TBD', mark: { kind: 'tbd', x: c.trackX, y: rowY, width: c.trackWidth, height: c.barHeight, text: 'TBD' } };
      }
      const width = round((Math.max(0, value) / scaleFor(value)) * c.trackWidth);
      const text = formatValue(value, unit);
      return { label, textY, valueText: text, mark: { kind: 'bar', x: c.trackX, y: rowY, width, height: c.barHeight, value, text } };
    };
    const theirs = side(theirsLabel, g.theirs, g.unit, true);
    const oursSide = side('Ours', ours?.value, ours?.unit ?? g.unit, !!ours);
    y += c.pairGap;
    const ratio: DaggerPair['ratio'] = !ours || !sameUnit
      ? null
      : known(g.theirs) && known(ours.value)
        ? (g.theirs === 0 ? null : ours.value / g.theirs)
        : 'TBD';
    return {
      rank: g.rank,
      title,
      theirs,
      ours: oursSide,
      ratio,
      ...(sameUnit ? {} : { note: `Different units (${g.unit} and ${ours!.unit}): each bar on its own scale.` }),
    };
  });
  return {
    width: c.width,
    height: round(y - c.pairGap + 4),
    pairs,
    track: { x: c.trackX, width: c.trackWidth },
    valueX: c.valueX,
    labelX: c.labelX,
  };
}

/** "2.5×", "0.4×"; TBD stays TBD; "—" when there is nothing to compare. */
export function ratioText(r: DaggerPair['ratio']): string {
  if (r === null) return '—';
  if (r === 'TBD') return 'TBD';
  return `${formatValue(Math.round(r * 100) / 100)}×`;
}

/** The chart's text alternative, one sentence: every gap, their figure and ours. */
export function daggerChartAlt(gaps: readonly DaggerGap[], theirsLabel: string): string {
  if (gaps.length === 0) return `No quantified ${theirsLabel} gaps yet.`;
  const both = gaps.filter((g) => known(g.theirs) && known(g.ours?.value)).length;
  const parts = gaps.map((g) => {
    const ours = g.ours ? `ours ${formatValue(g.ours.value, known(g.ours.value) ? g.ours.unit : undefined)}` : 'no figure of ours to compare';
    return `gap ${g.rank}, ${lowerFirst(g.metric)}: ${theirsLabel} ${formatValue(g.theirs, known(g.theirs) ? g.unit : undefined)}, ${ours}`;
  });
  return (
    `${theirsLabel} dagger gaps, their figure against ours, each on its own scale ` +
    `(${both === 0 ? 'none yet with both figures known' : `${both} of ${gaps.length} with both figures known`}): ${parts.join('; ')}.`
  );
}

