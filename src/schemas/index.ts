/**
 * The collections: where each lives, which files it takes and its schema factory. The one list
 * that `src/content.config.ts`, the CLI and the tests all read.
 */
import type { z } from 'astro/zod';
import { claimSchema } from './claims.ts';
import { cloudSchema } from './clouds.ts';
import type { CollectionName, SchemaContext } from './common.ts';
import { frdSchema } from './frds.ts';
import { measurementSchema } from './measurements.ts';
import { peopleSchema } from './people.ts';
import { partnerSchema } from './partners.ts';
import { playSchema } from './plays.ts';
import { reviewSchema } from './reviews.ts';
import { signalSchema } from './signals.ts';
import { sourceSchema } from './sources.ts';
import { tcoSchema } from './tco.ts';
import { triageSchema } from './triage.ts';

export interface CollectionSpec {
  name: CollectionName;
  /** Folder under the content root. */
  dir: string;
  /** `data` = YAML files; `prose` = Markdown with YAML frontmatter, body rendered. */
  kind: 'data' | 'prose';
  schema: (ctx: SchemaContext) => z.ZodType;
  /** Human label. */
  label: string;
}

export const COLLECTIONS: readonly CollectionSpec[] = [
  { name: 'clouds', dir: 'clouds', kind: 'prose', schema: cloudSchema, label: 'Cloud' },
  { name: 'plays', dir: 'plays', kind: 'prose', schema: playSchema, label: 'Play' },
  { name: 'claims', dir: 'claims', kind: 'data', schema: claimSchema, label: 'Claim' },
  { name: 'sources', dir: 'sources', kind: 'data', schema: sourceSchema, label: 'Source' },
  { name: 'tco', dir: 'tco', kind: 'data', schema: tcoSchema, label: 'TCO scenario' },
  { name: 'triage', dir: 'triage', kind: 'data', schema: triageSchema, label: 'Triage rubric' },
  { name: 'frds', dir: 'frds', kind: 'prose', schema: frdSchema, label: 'FRD' },
  { name: 'people', dir: 'people', kind: 'data', schema: peopleSchema, label: 'Person' },
  { name: 'reviews', dir: 'reviews', kind: 'prose', schema: reviewSchema, label: 'Review' },
  { name: 'signals', dir: 'signals', kind: 'data', schema: signalSchema, label: 'SE signal' },
  { name: 'partners', dir: 'partners', kind: 'data', schema: partnerSchema, label: 'Partner' },
  { name: 'measurements', dir: 'measurements', kind: 'data', schema: measurementSchema, label: 'Measurement' },
];

export const DATA_EXTENSIONS = ['.yaml', '.yml'];
export const PROSE_EXTENSIONS = ['.md'];

export * from './common.ts';
export type { Claim } from './claims.ts';
export type { Cloud } from './clouds.ts';
export type { Frd } from './frds.ts';
export type { Person } from './people.ts';
export type { Play } from './plays.ts';
export type { Source } from './sources.ts';
export type { TcoScenario, TcoParam } from './tco.ts';
export type { Triage } from './triage.ts';
export type { Review } from './reviews.ts';
export type { Signal } from './signals.ts';
export type { Partner } from './partners.ts';
export type { Measurement } from './measurements.ts';
