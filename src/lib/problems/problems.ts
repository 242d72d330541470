/** A problem found in the content: everything an author needs to find and fix it. */
export interface Problem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** Path relative to the project root, forward slashes. */
  file: string;
  /** 1-based line and column of the offending key or value. */
  line: number;
  column: number;
  /** Field path inside the entry, e.g. `metric.value`; empty for whole-file problems. */
  field: string;
  /** What is wrong, in one sentence. */
  message: string;
  expected?: string;
  found?: string;
  /** How to fix it. */
  hint: string;
}

/** The catalog: every code with its one-line meaning. docs/problems.md explains each. */
export const PROBLEM_CODES = {
  'yaml-syntax': 'The file is not valid YAML (or its frontmatter is not).',
  'missing-frontmatter': 'A Markdown entry has no `---` frontmatter block.',
  'unknown-key': 'A key the schema does not know, usually a typo.',
  'missing-field': 'A required field is absent.',
  'wrong-type': 'A value has the wrong type (text where a number is expected, ...).',
  'bad-enum': 'A value outside the allowed list.',
  'bad-date': 'Not a real calendar date in YYYY-MM-DD form.',
  'bad-url': 'Not an absolute http(s) URL.',
  'invalid-value': 'A value breaks a schema rule (too short, wrong pattern, out of range).',
  'duplicate-id': 'Two files produce the same entry id.',
  'dangling-ref': 'A reference names an entry that does not exist.',
  'unknown-file': 'A file under src/content that belongs to no collection.',
  'bad-file-name': 'A file name (or folder) that cannot become an entry id: upper case, spaces, #, ?, %, a wrong extension case, or the wrong folder depth.',
  'symlink': 'A symbolic link under src/content: content is read from plain files only, never through links.',
  'unreadable-file': 'An entry under src/content that cannot be read as a file (a FIFO or device, or no permission).',
  'file-too-large': 'A content file larger than the limit (1 MiB).',
  'bad-encoding': 'A file that is not UTF-8 (UTF-16, or invalid bytes).',
  'yaml-limit': 'YAML that cannot be read safely: too many aliases, an alias inside the node it names, or absurd nesting.',
  'id-mismatch': 'A field that must agree with the file path does not.',
  'claim-needs-value': 'A sourced or measured claim has TBD instead of a number.',
  'claim-needs-source': 'A sourced or measured claim cites no source.',
  'claim-needs-as-of': 'A sourced or measured claim has no asOf date.',
  'claim-needs-repro': 'A measured claim has no repro steps.',
  'future-date': 'A date (reviewed, asOf, retrieved, ...) is after today.',
  'stale': 'The entry is past its review date.',
  'old-figure': "A claim's figure (its asOf) or a source document (its published date) is older than its category allows, however recently it was reviewed.",
  'bulk-retrieved': 'More than half of the sources share one `retrieved` date: typed in bulk, not the day each page was read.',
  'retyped-number': "A statement, prose next to a claim link, or triage text retypes a claim's number (or contradicts it) instead of taking it from the claim.",
  'bad-placeholder': 'A statement has a `{...}` placeholder other than `{value}`, which would show on the page as typed.',
  'triage-threshold': 'A triage band takes its threshold from a claim that cannot give one (TBD, or out of order with the other bands).',
  'unknown-claim-link': 'Prose links to a claim id that does not exist.',
  'placeholder': 'A TODO placeholder left by `fieldkit new` is still there.',
  'unsafe-markup': 'Prose contains something the HTML sanitizer removes: a script, handler, style, non-web link or remote image.',
  'confidential-term': 'A term of the confidential deny-list (FIELDKIT_TERMS_FILE / FIELDKIT_TERMS) is in a content file, in any spelling.',
  'frd-audience': 'An FRD set to a partner or public audience: FRDs name customers and stay internal.',
  'withheld': 'In a partner or public edition, a page loses an entry that is stricter than the edition.',
  'claim-needs-evidence': 'A measured claim points at no measurement (evidence.metric).',
  'measurement-mismatch': 'A measured figure (the claim\'s value, a run, the spread) differs from what its raw result files give.',
  'evidence-missing': 'A raw result file a measurement lists is not beside it.',
  'evidence-changed': 'A raw result file differs from the one imported (its SHA-256 changed).',
  'evidence-unreadable': 'A raw result file cannot be read, or lacks the statistic the measurement takes.',
  'evidence-unlisted': 'A file under measurements/ that no measurement lists.',
  'dagger-few-numbers': 'A dagger slide has fewer than two gaps with a number (warning).',
  'audience-gap': 'In a partner or public edition, a page would lose its point (e.g. a dagger page with no gap).',
  'audience-leak': "In a partner or public edition, a visible page would show a left-out entry's address or title (the build's leak test fails).",
} as const;
export type ProblemCode = keyof typeof PROBLEM_CODES;

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/** Exit code of `check`: 0 clean (warnings allowed), 1 content errors. */
export function checkExitCode(problems: Problem[], strict: boolean): 0 | 1 {
  return problems.some((p) => p.severity === 'error' || (strict && p.severity === 'warning')) ? 1 : 0;
}
