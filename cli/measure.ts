/**
 * `measure import <claim> <result-file>...`: turns a benchmark tool's own output (fio JSON,
 * iperf3 JSON, the documented CSV) into a measurement entry with its raw files beside it, and
 * points the claim at it with the median as its value. `--dry-run` prints what it would write.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { buildMeasurement, SIDES, type Side } from '#lib/measure/measurement.ts';
import { EvidenceError, EVIDENCE_FORMATS, type EvidenceFormat } from '#lib/measure/readers.ts';
import { setYamlScalars, type ScalarEdit } from '#lib/measure/yaml-edit.ts';
import { MEASUREMENTS_DIR } from '#lib/measure/check.ts';
import { checkExitCode } from '#lib/problems/problems.ts';
import { formatText } from '#lib/problems/report.ts';
import { formatValue } from '#lib/site/views.ts';
import { CONTENT_DIR, validateTree } from '../src/node/content-fs.ts';
import { today } from '../src/node/env.ts';
import { dateFlag, EXIT, oneOf, parseArgs, rootFlag, UsageError } from './util.ts';

export const MEASURE_USAGE =
  'measure import <claim-id> <result-file>... [--side metric|ours] [--format fio-json|iperf3-json|csv] [--stat KEY] [--env key=value,...] [--dry-run] [--root DIR] [--now YYYY-MM-DD]';

/** `--env region=eastus,vm=Standard_D8s_v5`: what the tool did not report, said by the person importing. */
export function envFlag(value: string | true | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (value === true) throw new UsageError('--env needs key=value pairs, e.g. --env region=eastus,vm=Standard_D8s_v5');
  const out: Record<string, string> = {};
  for (const pair of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(`--env takes key=value pairs separated by commas (got "${pair}")`);
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

/** Names for the raw files in the measurement's folder: base names, made unique, never YAML (that would be an entry). */
export function evidenceNames(paths: string[]): string[] {
  const seen = new Set<string>();
  return paths.map((p, i) => {
    let name = basename(p).replace(/^\.+/, '') || `result-${i + 1}`;
    if (/\.(ya?ml|md)$/i.test(name)) name += '.txt';
    if (seen.has(name)) name = `${i + 1}-${name}`;
    seen.add(name);
    return name;
  });
}

export async function measureCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['side', 'format', 'stat', 'env', 'root', 'now'], booleans: ['dry-run'] });
  const [sub, claimId, ...paths] = args.positional;
  if (sub !== 'import') throw new UsageError(sub ? `unknown subcommand "${sub}" (measure import is the one)` : 'say what to do: measure import <claim-id> <result-file>...');
  if (!claimId) throw new UsageError('name the claim, e.g. measure import azure/checkpoint-write-throughput result.json');
  if (paths.length === 0) throw new UsageError('give at least one result file (fio --output-format=json, iperf3 -J, or the CSV)');
  const side = oneOf('side', args.flags.get('side'), SIDES, 'metric') as Side;
  const formatValueFlag = args.flags.get('format');
  const format = formatValueFlag === undefined ? undefined : oneOf('format', formatValueFlag, EVIDENCE_FORMATS, 'csv') as EvidenceFormat;
  const stat = args.flags.get('stat');
  if (stat === true) throw new UsageError('--stat needs a statistic, e.g. --stat write.bandwidth');
  const given = envFlag(args.flags.get('env'));
  const dryRun = args.flags.has('dry-run');
  const now = dateFlag(args.flags.get('now')) ?? today();
  const root = rootFlag(args.flags.get('root'), { requireContent: true });

  const files = paths.map((p) => resolve(p));
  for (const f of files) {
    if (!existsSync(f) || !statSync(f).isFile()) throw new UsageError(`no such result file: ${f}`);
  }

  const { snapshot } = validateTree(root, now);
  const claim = snapshot.claims.find((c) => c.id === claimId);
  if (!claim) {
    const exists = existsSync(join(root, CONTENT_DIR, 'claims', `${claimId}.yaml`));
    process.stderr.write(
      exists
        ? `fieldkit measure: the claim ${claimId} has problems of its own; fix them first (./fieldkit check), then import.\n`
        : `fieldkit measure: no claim "${claimId}" (ids are paths under src/content/claims/, e.g. azure/checkpoint-write-throughput).\n`,
    );
    return EXIT.problems;
  }
  const figure = side === 'metric' ? claim.data.metric : claim.data.ours;
  if (!figure) {
    process.stderr.write(`fieldkit measure: ${claim.file} has no \`ours\` block to fill; add ours {label, value: TBD, unit} first, or import with --side metric.\n`);
    return EXIT.problems;
  }

  const names = evidenceNames(paths);
  const raw = files.map((f, i) => {
    const bytes = readFileSync(f);
    return { name: names[i]!, bytes, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  let built: ReturnType<typeof buildMeasurement>;
  try {
    built = buildMeasurement(
      {
        claimId, side, metricName: claim.data.metric.name, unit: figure.unit,
        owner: claim.data.owner, audience: claim.data.audience, reviewEvery: claim.data.reviewEvery,
        files: raw, ...(format ? { format } : {}), ...(typeof stat === 'string' ? { stat } : {}), ...(given ? { given } : {}),
      },
      new Date().toISOString(),
    );
  } catch (e) {
    if (!(e instanceof EvidenceError)) throw e;
    process.stderr.write(`fieldkit measure: ${e.message}\n  expected: ${e.expected}\n  fix: ${e.hint}\nNothing was written.\n`);
    return EXIT.problems;
  }
  const { data, recomputed } = built;
  const folder = join(root, CONTENT_DIR, MEASUREMENTS_DIR, ...claimId.split('/'));
  let session = built.session;
  for (let n = 2; existsSync(join(folder, `${session}.yaml`)) || existsSync(join(folder, session)); n++) session = `${built.session}-${n}`;
  const measurementId = `${claimId}/${session}`;
  const entryPath = join(folder, `${session}.yaml`);
  const rel = (p: string) => p.slice(root.length + 1);

  const claimPath = join(root, claim.file);
  const before = side === 'metric' ? claim.data.metric.value : claim.data.ours!.value;
  const median = recomputed.spread.median;
  const started = String(data.started);
  const edits: ScalarEdit[] = [
    { path: [side, 'value'], value: median },
    ...(side === 'metric' ? [{ path: ['status'], value: 'measured' }, { path: ['asOf'], value: started.slice(0, 10) }] : []),
    { path: ['evidence', side], value: measurementId },
  ];
  const claimText = setYamlScalars(readFileSync(claimPath, 'utf8'), edits);
  const entryText = `# Written by \`fieldkit measure import\` from the tool's own output; check recomputes every figure from the files in ${session}/.\n${stringify(data, { lineWidth: 0 })}`;
  const { spread } = recomputed;
  const summary = [
    `${claimId}: ${side === 'metric' ? 'metric.value' : 'ours.value'} ${formatValue(before, figure.unit)} -> ${formatValue(median, figure.unit)}` +
      ` (median of ${spread.n} run${spread.n === 1 ? '' : 's'}, min ${formatValue(spread.min)}, max ${formatValue(spread.max)}; ${data.statistic} from ${data.tool}${data.version ? ` ${String(data.version)}` : ''})`,
    ...(side === 'metric' ? [`${claimId}: status ${claim.data.status} -> measured, asOf ${claim.data.asOf ?? 'none'} -> ${started.slice(0, 10)}`] : []),
  ];

  if (dryRun) {
    process.stdout.write(`would write ${rel(entryPath)}:\n\n${entryText}\nwould copy ${raw.map((r) => `${rel(join(folder, session, r.name))}`).join(', ')}\nwould update ${claim.file}:\n${summary.map((s) => `  ${s}`).join('\n')}\n(dry run: nothing written)\n`);
    return EXIT.ok;
  }

  mkdirSync(join(folder, session), { recursive: true });
  for (const r of raw) writeFileSync(join(folder, session, r.name), r.bytes);
  writeFileSync(entryPath, entryText);
  writeFileSync(claimPath, claimText);
  process.stdout.write(`wrote ${rel(entryPath)} and ${raw.length} raw file${raw.length === 1 ? '' : 's'} in ${rel(join(folder, session))}/\nupdated ${claim.file}:\n${summary.map((s) => `  ${s}`).join('\n')}\n`);

  // What check now says about the two files written.
  const { problems, files: count } = validateTree(root, now);
  const ours = problems.filter((p) => p.file === claim.file || p.file.startsWith(rel(folder)));
  if (ours.length) {
    process.stdout.write(`\ncheck on the claim and its measurement:\n${formatText(ours, count)}`);
    return checkExitCode(ours, false);
  }
  process.stdout.write('check: no problems in the claim or its measurement\n');
  return EXIT.ok;
}
