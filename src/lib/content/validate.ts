/**
 * The whole check: parse every file, validate it against its collection's schema, build the kit
 * snapshot, run the cross-entry rules, and turn every finding into a positioned problem.
 * Pure: file texts in, snapshot and problems out. The CLI and the site build both call this.
 */
import {
  COLLECTIONS, DATA_EXTENSIONS, PLACEHOLDER, PROSE_EXTENSIONS, plainContext, type Audience, type CollectionName, type CollectionSpec,
} from '../../schemas/index.ts';
import { audienceFindings } from '../editions/audience.ts';
import { checkFreshness } from '../checks/freshness.ts';
import { entryId, fileNameProblem } from './ids.ts';
import {
  checkClaimLinks, checkClaimRules, checkDaggerNumbers, checkProseSafety, checkDuplicateIds, checkFutureDates, checkReferences, findPlaceholders,
  type FieldPath, type Finding, type ProseBody, type RenderMarkdown,
} from '../checks/integrity.ts';
import { MAX_YAML_ALIASES, parseContentFile, type ParsedFile } from './parse.ts';
import { checkRetypedNumbers, checkTriageClaims } from '../checks/retyped.ts';
import { sortProblems, type Problem } from '../problems/problems.ts';
import { checkMeasurements, isEvidencePath, type EvidenceContent } from '../measure/check.ts';
import { issueToFindings } from '../problems/schema-issues.ts';
import { addEntry, emptySnapshot, sortSnapshot, type AnyEntry, type KitSnapshot } from './snapshot.ts';

export interface ContentFile {
  /** Path from the project root with forward slashes, e.g. `src/content/plays/x.md`. */
  path: string;
  text: string;
  /** SHA-256 (hex) of the bytes, set by the file reader for raw result files under measurements/. */
  sha256?: string;
}

export interface ValidateOptions {
  /** Content root relative to the project root. */
  contentDir?: string;
  /** Today, YYYY-MM-DD. */
  now: string;
  /** The edition being checked; partner/public add what left-out entries remove from pages. */
  audience?: Audience;
  /**
   * Point each problem at its line (default true). The change log, which compares problems by
   * file, code, field and message only, switches it off: locating builds a positioned YAML document
   * per file with a problem, most of the cost of validating an old commit.
   */
  positions?: boolean;
  /**
   * Renders a Markdown body to HTML the way the site does (the CLI passes Sätteri's renderer,
   * src/node/content-fs.ts). With it, `unsafe-markup` reports what the sanitizer would drop;
   * without it, that rule is skipped.
   */
  renderMarkdown?: RenderMarkdown;
  /** Hosts prose may show images from (fieldkit.config.ts `remoteImageHosts`); default none. */
  remoteImageHosts?: readonly string[];
  /** Filled with each rendered body's sanitized HTML (see SanitizeOptions.memo). */
  sanitized?: Map<string, string>;
}

export interface ValidationResult {
  snapshot: KitSnapshot;
  problems: Problem[];
  files: number;
}

const SCHEMAS = new Map(COLLECTIONS.map((c) => [c.name, c.schema(plainContext)]));

export function collectionOf(path: string, contentDir: string): { spec: CollectionSpec; rel: string } | undefined {
  const rel = path.slice(contentDir.length + 1);
  const [dir] = rel.split('/');
  const spec = COLLECTIONS.find((c) => c.dir === dir);
  if (!spec) return undefined;
  const ext = rel.slice(rel.lastIndexOf('.')).toLowerCase();
  const allowed = spec.kind === 'data' ? DATA_EXTENSIONS : PROSE_EXTENSIONS;
  if (!allowed.includes(ext)) return undefined;
  return { spec, rel: rel.slice(dir!.length + 1) };
}

/**
 * A misspelt required key shows up twice (unknown `servce`, missing `service`): keep the unknown
 * key, whose hint already names the right spelling, and drop the missing field it explains.
 */
function withoutMisspeltRequired(findings: Finding[]): Finding[] {
  const key = (path: FieldPath) => JSON.stringify(path);
  const suggested = new Set(
    findings.flatMap((f) => (f.code === 'unknown-key' && f.suggestion !== undefined ? [key([...f.path.slice(0, -1), f.suggestion])] : [])),
  );
  return findings.filter((f) => !(f.code === 'missing-field' && f.missing && suggested.has(key(f.missing))));
}

export function validateContent(files: ContentFile[], opts: ValidateOptions): ValidationResult {
  const contentDir = opts.contentDir ?? 'src/content';
  const snapshot = emptySnapshot();
  const parsedByFile = new Map<string, ParsedFile>();
  const findings: Finding[] = [];
  const knownIds = new Map<CollectionName, Set<string>>();
  const invalid: [CollectionName, AnyEntry][] = [];
  const evidence: EvidenceContent[] = [];
  const textByFile = new Map(files.map((f) => [f.path, f.text]));
  // Bodies of prose files that never reach the snapshot: body rules still run on them.
  const strayBodies: ProseBody[] = [];

  for (const f of files) {
    const hit = collectionOf(f.path, contentDir);
    if (!hit && isEvidencePath(f.path, contentDir)) {
      evidence.push(f);
      continue;
    }
    if (!hit) {
      findings.push({
        code: 'unknown-file', severity: 'error', file: f.path, path: [],
        message: 'this file belongs to no collection and would be ignored',
        expected: `a .yaml file in ${COLLECTIONS.filter((c) => c.kind === 'data').map((c) => c.dir).join('/, ')}/ or a .md file in ${COLLECTIONS.filter((c) => c.kind === 'prose').map((c) => c.dir).join('/, ')}/`,
        found: f.path,
        hint: 'Move it into the right folder, or give it the right extension (.yaml for data, .md for prose).',
      });
      continue;
    }
    const { spec, rel } = hit;
    const badName = fileNameProblem(spec, rel);
    if (badName) findings.push({ code: 'bad-file-name', severity: 'error', file: f.path, path: [], ...badName });
    if (!knownIds.has(spec.name)) knownIds.set(spec.name, new Set());
    knownIds.get(spec.name)!.add(entryId(rel));
    const parsed = parseContentFile(f.text, spec.kind);
    parsedByFile.set(f.path, parsed);
    const stray = () => { if (spec.kind === 'prose') strayBodies.push({ file: f.path, body: parsed.body, bodyLine: parsed.bodyLine }); };
    if (parsed.missingFrontmatter) {
      stray();
      findings.push({
        code: 'missing-frontmatter', severity: 'error', file: f.path, path: [],
        message: 'a Markdown entry must start with a YAML frontmatter block',
        expected: 'a first line `---`, the fields, then `---`', found: 'no frontmatter',
        hint: 'Run `./fieldkit new <collection> <id>` to see a valid skeleton.',
      });
      continue;
    }
    if (parsed.syntax.length) {
      stray();
      for (const s of parsed.syntax) {
        findings.push(s.limit ? {
          code: 'yaml-limit', severity: 'error', file: f.path, path: [], pos: s.pos,
          message: `the YAML cannot be read safely: ${s.message}`,
          expected: `at most ${MAX_YAML_ALIASES} aliases, none inside the node it names, and ordinary nesting`, found: s.message,
          hint: 'Write the values out instead of repeating them through anchors and aliases (&name / *name).',
        } : {
          code: 'yaml-syntax', severity: 'error', file: f.path, path: [], pos: s.pos,
          message: `YAML syntax error: ${s.message}`,
          expected: 'valid YAML', found: 'a syntax error',
          hint: 'Check indentation (spaces, not tabs), a missing colon, or an unquoted value containing ": " or "#".',
        });
      }
      continue;
    }
    const schema = SCHEMAS.get(spec.name)!;
    const placeholders = findPlaceholders(parsed.data);
    const placeholderKeys = new Set(placeholders.map((p) => p.join('.')));
    for (const path of placeholders) {
      findings.push({
        code: 'placeholder', severity: 'error', file: f.path, path,
        message: `${path.join('.')} still holds the placeholder TODO`,
        expected: 'real content', found: PLACEHOLDER,
        hint: 'Replace the TODO with the real value (see the field description in src/schemas/).',
      });
    }
    const result = schema.safeParse(parsed.data ?? {}, { reportInput: true });
    if (!result.success) {
      stray();
      if (parsed.data && typeof parsed.data === 'object') {
        invalid.push([spec.name, { id: entryId(rel), file: f.path, data: parsed.data as Record<string, unknown> }]);
      }
      const schemaFindings = result.error.issues
        .flatMap((issue) => issueToFindings(issue as never, f.path, schema))
        .filter((fd) => !placeholderKeys.has(fd.path.join('.')));
      findings.push(...withoutMisspeltRequired(schemaFindings));
      continue;
    }
    const entry = { id: entryId(rel), file: f.path, data: result.data as Record<string, unknown>, body: parsed.body, bodyLine: parsed.bodyLine };
    if (spec.name === 'claims') {
      const folder = entry.id.split('/')[0];
      if (entry.id.includes('/') && folder !== entry.data.cloud) {
        findings.push({
          code: 'id-mismatch', severity: 'error', file: f.path, path: ['cloud'],
          message: `the claim sits in claims/${folder}/ but says cloud: ${String(entry.data.cloud)}`,
          expected: `cloud: ${folder}`, found: String(entry.data.cloud),
          hint: `Move the file to src/content/claims/${String(entry.data.cloud)}/ or fix \`cloud\`.`,
        });
      }
    }
    if (spec.name === 'frds' && entry.id !== String(entry.data.name).toLowerCase()) {
      findings.push({
        code: 'id-mismatch', severity: 'error', file: f.path, path: ['name'],
        message: `the FRD name ${String(entry.data.name)} does not match the file name`,
        expected: `src/content/frds/${String(entry.data.name).toLowerCase()}.md`, found: f.path,
        hint: 'Rename the file to the lower-cased FRD name, or fix `name`.',
      });
    }
    if (spec.name === 'reviews' && entry.id !== String(entry.data.month)) {
      findings.push({
        code: 'id-mismatch', severity: 'error', file: f.path, path: ['month'],
        message: `the review for ${String(entry.data.month)} is filed as ${entry.id}`,
        expected: `src/content/reviews/${String(entry.data.month)}.md`, found: f.path,
        hint: 'Rename the file to the review month (YYYY-MM.md), or fix `month`.',
      });
    }
    if (spec.name === 'frds' && entry.data.audience !== 'internal') {
      findings.push({
        code: 'frd-audience', severity: 'error', file: f.path, path: ['audience'],
        message: 'an FRD names a customer (in its name, file and URL), so it stays in the internal edition',
        expected: 'audience: internal', found: `audience: ${String(entry.data.audience)}`,
        hint: 'Remove the audience line (internal is the default). Share the requirement with partners through a play or the cloud page instead.',
      });
    }
    addEntry(snapshot, spec.name, entry);
  }

  sortSnapshot(snapshot);
  findings.push(
    ...checkDuplicateIds(snapshot),
    ...checkReferences(snapshot, knownIds, invalid),
    ...checkClaimRules(snapshot, invalid),
    ...checkDaggerNumbers(snapshot),
    ...checkFutureDates(snapshot, opts.now, invalid),
    ...checkMeasurements(snapshot, evidence, invalid.filter(([c]) => c === 'measurements').map(([, e]) => e)),
    ...checkClaimLinks(snapshot, knownIds.get('claims'), strayBodies),
    ...(opts.renderMarkdown
      ? checkProseSafety(snapshot, opts.renderMarkdown, { remoteImageHosts: opts.remoteImageHosts ?? [], memo: opts.sanitized }, strayBodies)
      : []),
    ...checkFreshness(snapshot, opts.now),
    ...checkTriageClaims(snapshot, knownIds.get('claims')),
    ...checkRetypedNumbers(snapshot, {
      locate: (file, path) => (opts.positions === false ? undefined : parsedByFile.get(file)?.locate(path)) ?? { line: 1, column: 1 },
      text: (file) => textByFile.get(file),
    }),
    ...audienceFindings(snapshot, opts.audience ?? 'internal'),
  );

  const problems = findings.map((fd): Problem => {
    const parsed = parsedByFile.get(fd.file);
    const pos = fd.pos ?? (opts.positions === false ? undefined : parsed?.locate(fd.path, { key: fd.atKey })) ?? { line: 1, column: 1 };
    return {
      code: fd.code, severity: fd.severity, file: fd.file, line: pos.line, column: pos.column,
      field: fd.path.join('.'), message: fd.message, expected: fd.expected, found: fd.found, hint: fd.hint,
    };
  });
  return { snapshot, problems: sortProblems(problems), files: files.length };
}
