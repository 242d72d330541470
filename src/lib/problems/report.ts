/** Reporters: one validation result, three renderings. Pure: they return strings. */
import type { Problem } from './problems.ts';
import { plural } from '../format/text.ts';

export type ReportFormat = 'text' | 'github' | 'json';

export interface CheckSummary {
  files: number;
  errors: number;
  warnings: number;
}

export function summarize(problems: Problem[], files: number): CheckSummary {
  return {
    files,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
}


/** Grouped by file, each problem with its position, field, expected/found and a fix hint. */
export function formatText(problems: Problem[], files: number): string {
  const s = summarize(problems, files);
  const out: string[] = [];
  let current = '';
  for (const p of problems) {
    if (p.file !== current) {
      current = p.file;
      const n = problems.filter((q) => q.file === current).length;
      out.push('', `${current} (${plural(n, 'problem')})`);
    }
    out.push(`  ${p.line}:${p.column}  ${p.severity}  ${p.message}  [${p.code}]`);
    if (p.field) out.push(`      field:    ${p.field}`);
    if (p.expected !== undefined) out.push(`      expected: ${p.expected}`);
    if (p.found !== undefined) out.push(`      found:    ${p.found}`);
    out.push(`      fix:      ${p.hint}`);
  }
  const fileCount = new Set(problems.map((p) => p.file)).size;
  out.push(
    '',
    s.errors + s.warnings === 0
      ? `checked ${plural(files, 'file')}: no problems`
      : `checked ${plural(files, 'file')}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} in ${plural(fileCount, 'file')}`,
  );
  return out.join('\n').replace(/^\n/, '') + '\n';
}

/** GitHub workflow commands: https://docs.github.com/actions (annotations). */
export function formatGithub(problems: Problem[], files: number): string {
  const esc = (v: string) => v.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (v: string) => esc(v).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines = problems.map((p) => {
    const detail = [p.message, p.expected && `expected ${p.expected}`, p.found && `found ${p.found}`, `fix: ${p.hint}`]
      .filter(Boolean)
      .join('\n');
    const title = prop(`${p.code}${p.field ? ` (${p.field})` : ''}`);
    return `::${p.severity} file=${prop(p.file)},line=${p.line},col=${p.column},title=${title}::${esc(detail)}`;
  });
  const s = summarize(problems, files);
  lines.push(`checked ${plural(files, 'file')}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`);
  return lines.join('\n') + '\n';
}

export function formatJson(problems: Problem[], files: number): string {
  return JSON.stringify({ summary: summarize(problems, files), problems }, null, 2) + '\n';
}

export function formatReport(format: ReportFormat, problems: Problem[], files: number): string {
  return format === 'github' ? formatGithub(problems, files) : format === 'json' ? formatJson(problems, files) : formatText(problems, files);
}
