/**
 * The one module that reads Fieldkit's environment (`FIELDKIT_*`) and the clock for the build.
 * Everything else gets these values passed in: the CLI sets the variables for the Astro build it
 * starts; the loader, the integration and the page data read them here.
 */
import { isAudience } from '#lib/editions/audience.ts';
import type { Audience } from '#schemas/common.ts';
import { HISTORY_LIMIT } from '#lib/diff/changes.ts';
import { UsageError } from './errors.ts';

/** Today as YYYY-MM-DD: FIELDKIT_NOW when set (reproducible builds and tests), else the clock (UTC). */
export function today(): string {
  return process.env.FIELDKIT_NOW || new Date().toISOString().slice(0, 10);
}

export interface BuildEnv {
  /** The day the build is judged against (FIELDKIT_NOW or the clock). */
  now: string;
  /** The edition being built (FIELDKIT_AUDIENCE, default internal). */
  audience: Audience;
  /**
   * Test-only: publish every edition's entries (FIELDKIT_UNSAFE_SKIP_AUDIENCE_FILTER=1), so the
   * leak test can prove the build's scan catches what the filter would have removed.
   */
  skipAudienceFilter: boolean;
  /**
   * Test-only: render even when the content check found errors (FIELDKIT_UNSAFE_SKIP_CHECK=1), to
   * prove the sanitizer alone keeps script off the page. Never set by a Fieldkit command.
   */
  skipCheck: boolean;
  /** Where the loader writes its report for `fieldkit build` (FIELDKIT_REPORT_FILE). */
  reportFile?: string;
  /** Repository URL for "edit this page" links (FIELDKIT_REPO_URL). */
  repoUrl?: string;
  /** The commit printed on a kit (FIELDKIT_COMMIT, set by `fieldkit build`). */
  commit: string;
}

export function buildEnv(): BuildEnv {
  const audience = process.env.FIELDKIT_AUDIENCE || 'internal';
  if (!isAudience(audience)) throw new UsageError(`FIELDKIT_AUDIENCE must be internal, partner or public (got ${audience})`);
  return {
    now: today(),
    audience,
    skipAudienceFilter: process.env.FIELDKIT_UNSAFE_SKIP_AUDIENCE_FILTER === '1',
    skipCheck: process.env.FIELDKIT_UNSAFE_SKIP_CHECK === '1',
    reportFile: process.env.FIELDKIT_REPORT_FILE || undefined,
    repoUrl: process.env.FIELDKIT_REPO_URL || undefined,
    commit: process.env.FIELDKIT_COMMIT || 'unknown commit',
  };
}

/** How many content commits the change log reads: FIELDKIT_HISTORY_LIMIT (0 switches it off), or HISTORY_LIMIT. */
export function historyLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FIELDKIT_HISTORY_LIMIT;
  if (raw === undefined || raw === '') return HISTORY_LIMIT;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : HISTORY_LIMIT;
}
