/**
 * Units a measurement can be reported in, and conversion between them. One table: each unit has a
 * dimension and its factor to the dimension's base (bytes/s, seconds, operations/s). Pure.
 */

export type Dimension = 'bandwidth' | 'time' | 'iops' | 'requests';

interface UnitDef {
  dimension: Dimension;
  /** Multiply a value in this unit by `factor` to get the dimension's base unit. */
  factor: number;
}

const KI = 1024;
/** Spellings people and tools use, all mapped to one definition. Case matters: MB ≠ Mb. */
const TABLE: [names: string[], def: UnitDef][] = [
  [['B/s', 'bytes/s'], { dimension: 'bandwidth', factor: 1 }],
  [['kB/s', 'KB/s'], { dimension: 'bandwidth', factor: 1e3 }],
  [['MB/s'], { dimension: 'bandwidth', factor: 1e6 }],
  [['GB/s'], { dimension: 'bandwidth', factor: 1e9 }],
  [['TB/s'], { dimension: 'bandwidth', factor: 1e12 }],
  [['KiB/s'], { dimension: 'bandwidth', factor: KI }],
  [['MiB/s'], { dimension: 'bandwidth', factor: KI ** 2 }],
  [['GiB/s'], { dimension: 'bandwidth', factor: KI ** 3 }],
  [['TiB/s'], { dimension: 'bandwidth', factor: KI ** 4 }],
  [['bps', 'bit/s', 'bits/s'], { dimension: 'bandwidth', factor: 1 / 8 }],
  [['kbps', 'Kbps', 'kbit/s', 'Kbit/s'], { dimension: 'bandwidth', factor: 1e3 / 8 }],
  [['Mbps', 'Mbit/s'], { dimension: 'bandwidth', factor: 1e6 / 8 }],
  [['Gbps', 'Gbit/s'], { dimension: 'bandwidth', factor: 1e9 / 8 }],
  [['Tbps', 'Tbit/s'], { dimension: 'bandwidth', factor: 1e12 / 8 }],
  [['ns'], { dimension: 'time', factor: 1e-9 }],
  [['us', 'µs', 'μs'], { dimension: 'time', factor: 1e-6 }],
  [['ms'], { dimension: 'time', factor: 1e-3 }],
  [['s'], { dimension: 'time', factor: 1 }],
  [['IOPS', 'iops', 'ops/s'], { dimension: 'iops', factor: 1 }],
  [['requests/s', 'req/s'], { dimension: 'requests', factor: 1 }],
];

const UNITS = new Map<string, UnitDef>(TABLE.flatMap(([names, def]) => names.map((n) => [n, def] as const)));

/** Every unit spelling understood, for error messages. */
export const KNOWN_UNITS: readonly string[] = TABLE.map(([names]) => names[0]!);

export function unitDef(unit: string): UnitDef | undefined {
  return UNITS.get(unit.trim());
}

export function dimensionOf(unit: string): Dimension | undefined {
  return unitDef(unit)?.dimension;
}

/**
 * `value` in `from` expressed in `to`. The same spelling always converts (factor 1), even for a
 * unit outside the table; otherwise both must be known and of one dimension, or it returns undefined.
 */
export function convert(value: number, from: string, to: string): number | undefined {
  if (from.trim() === to.trim()) return value;
  const a = unitDef(from);
  const b = unitDef(to);
  if (!a || !b || a.dimension !== b.dimension) return undefined;
  return (value * a.factor) / b.factor;
}
