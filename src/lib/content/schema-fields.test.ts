import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { COLLECTIONS, INTERNAL, pastDate, plainContext, type CollectionName } from '../../schemas/index.ts';
import { INTERNAL_FIELDS, internalOf, PAST_DATES, pastDatesOf, REFERENCE_FIELDS, referencesOf } from './schema-fields.ts';
import { checkFutureDates, checkReferences } from '../checks/integrity.ts';
import { applyAudience } from '../editions/audience.ts';
import type { KitSnapshot } from './snapshot.ts';

const ref = plainContext.ref;

/** A scratch schema with one field of each kind, its reference field named `field`. */
const scratch = (field: string) =>
  z.strictObject({
    owner: ref('people').describe('who'),
    rows: z.array(z.strictObject({ [field]: ref('claims').optional().describe('a claim') })).default([]),
    byName: z.record(z.string(), z.strictObject({ source: ref('sources') })).optional(),
    either: z.union([ref('plays'), z.array(ref('plays'))]).optional(),
    secret: z.string().optional().describe('internal').meta(INTERNAL),
    nested: z.strictObject({ when: pastDate().optional(), due: z.string() }).optional(),
  });

describe('rules derived from schema metadata', () => {
  it('reads every reference field with its target, through arrays, records, unions and wrappers', () => {
    expect(referencesOf(scratch('target'))).toEqual([
      ['owner', 'people'],
      ['rows.*.target', 'claims'],
      ['byName.*.source', 'sources'],
      ['either', 'plays'],
      ['either.*', 'plays'],
    ]);
    expect(internalOf(scratch('target'))).toEqual(['secret']);
    expect(pastDatesOf(scratch('target'))).toEqual(['nested.when']);
  });

  it('follows a renamed field: the rule moves with it and the old path is gone', () => {
    const before = referencesOf(scratch('target')).map(([p]) => p);
    const after = referencesOf(scratch('claim')).map(([p]) => p);
    expect(before).toContain('rows.*.target');
    expect(after).toContain('rows.*.claim');
    expect(after).not.toContain('rows.*.target');
    expect(after).toHaveLength(before.length); // nothing switched off
  });

  it('derives the tables the rules used to keep by hand (plus the preset sources they missed)', () => {
    const tco = REFERENCE_FIELDS.tco.map(([p]) => p);
    expect(tco).toContain('scenario.pricePerKWh.source');
    expect(tco).toContain('hdd.afr.source');
    expect(tco).toContain('ssd.maxFill.source');
    expect(tco).toContain('presets.*.source');
    expect(tco).toHaveLength(1 + 12 + 17 + 17 + 1);
    expect({ ...REFERENCE_FIELDS, tco: [] }).toEqual({
      clouds: [['owner', 'people'], ['integrations.*.frd', 'frds'], ['dagger.anecdote.source', 'sources']],
      plays: [['owner', 'people'], ['clouds.*', 'clouds'], ['objections.*.proof', 'claims'], ['proofPoints.*', 'claims'], ['tco', 'tco'], ['frds.*', 'frds']],
      claims: [['owner', 'people'], ['cloud', 'clouds'], ['sources.*', 'sources'], ['history.*.source', 'sources'], ['evidence.metric', 'measurements'], ['evidence.ours', 'measurements']],
      sources: [['owner', 'people']],
      tco: [],
      triage: [['owner', 'people'], ['questions.*.number.bands.*.claim', 'claims']],
      frds: [['owner', 'people'], ['clouds.*', 'clouds'], ['decisions.*.by', 'people']],
      people: [],
      reviews: [['owner', 'people'], ['pipeline.clouds.*.cloud', 'clouds'], ['wins.*.plays.*', 'plays'], ['losses.*.owner', 'people'], ['gaps.*.frd', 'frds'], ['next.*.cloud', 'clouds'], ['next.*.plays.*', 'plays']],
      signals: [['owner', 'people'], ['cloud', 'clouds'], ['play', 'plays'], ['frd', 'frds']],
      partners: [['owner', 'people'], ['clouds.*', 'clouds'], ['gaps.*.frd', 'frds']],
      measurements: [['owner', 'people'], ['claim', 'claims']],
    });
    expect(INTERNAL_FIELDS).toEqual({
      clouds: ['pricingPosture', 'lighthouseTargets', 'dagger.anecdote'], plays: [], claims: [], sources: [], tco: [], triage: [],
      frds: ['crm', 'seNotes'], people: [], reviews: ['pipeline', 'losses'], signals: [], partners: ['gaps'],
      measurements: ['environment.host', 'environment.peer'],
    });
    expect(PAST_DATES).toEqual({
      clouds: ['reviewed'], plays: ['reviewed'], claims: ['reviewed', 'asOf', 'history.*.date'],
      sources: ['reviewed', 'retrieved', 'published'], tco: ['reviewed'], triage: ['reviewed'],
      frds: ['reviewed', 'decisions.*.date'], people: [], reviews: ['reviewed'], signals: ['reviewed', 'date'],
      partners: ['reviewed'], measurements: ['reviewed'],
    });
  });

  it('every derived path exists in the real schemas (walked through their JSON Schema, not the Zod walk)', () => {
    type Json = { properties?: Record<string, Json>; items?: Json; additionalProperties?: Json | boolean; anyOf?: Json[] };
    const exists = (s: Json | undefined, segs: string[]): boolean => {
      if (!s) return false;
      if (segs.length === 0) return true;
      const [head, ...rest] = segs as [string, ...string[]];
      const branches = [s, ...(s.anyOf ?? [])];
      return branches.some((b) =>
        head === '*'
          ? exists(b.items, rest) || (typeof b.additionalProperties === 'object' && exists(b.additionalProperties, rest))
          : exists(b.properties?.[head], rest));
    };
    let checked = 0;
    for (const spec of COLLECTIONS) {
      const json = z.toJSONSchema(spec.schema(plainContext), { io: 'input', unrepresentable: 'any' }) as Json;
      const paths = [...REFERENCE_FIELDS[spec.name].map(([p]) => p), ...INTERNAL_FIELDS[spec.name], ...PAST_DATES[spec.name]];
      for (const p of paths) {
        expect(exists(json, p.split('.')), `${spec.name}: ${p}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });
});

describe('the derived rules at work', () => {
  const empty = (): KitSnapshot => Object.fromEntries(COLLECTIONS.map((c) => [c.name, []])) as unknown as KitSnapshot;
  const entry = (collection: CollectionName, id: string, data: Record<string, unknown>) => ({ id, file: `src/content/${collection}/${id}.yaml`, data });

  it('a TCO preset citing a source that does not exist is a dangling reference', () => {
    const snap = empty();
    (snap.tco as unknown[]).push(entry('tco', 'scn', { owner: 'ana', presets: [{ label: 'x', set: {}, source: 'nope' }] }));
    (snap.people as unknown[]).push(entry('people', 'ana', { name: 'Ana' }));
    const found = checkReferences(snap);
    expect(found.map((f) => [f.code, f.path])).toEqual([['dangling-ref', ['presets', 0, 'source']]]);
  });

  it('a past date tagged in the schema is checked against today', () => {
    const snap = empty();
    (snap.signals as unknown[]).push(entry('signals', 's1', { reviewed: '2026-01-01', date: '2027-02-03' }));
    expect(checkFutureDates(snap, '2026-12-01').map((f) => f.path)).toEqual([['date']]);
  });

  it('the partner edition clears the internal-only fields tagged in the schema, and keeps the rest', () => {
    const snap = empty();
    (snap.measurements as unknown[]).push(entry('measurements', 'aws/x/s1', { audience: 'partner', environment: { host: 'lab-7', system: 'Linux' } }));
    (snap.frds as unknown[]).push(entry('frds', 'f1', { audience: 'public', crm: 'https://crm.example/1', seNotes: ['a'], title: 'T' }));
    const { snapshot } = applyAudience(snap, 'partner');
    expect(snapshot.measurements[0]!.data.environment).toEqual({ host: undefined, system: 'Linux' });
    expect(snapshot.frds[0]!.data).toMatchObject({ crm: undefined, seNotes: [], title: 'T' });
  });
});
