/**
 * The kit snapshot: validated content as plain data. Pages and the CLI consume only this.
 */
import type {
  Claim, Cloud, CollectionName, Frd, Measurement, Partner, Person, Play, Review, Signal, Source, TcoScenario, Triage,
} from '../../schemas/index.ts';

export interface Entry<T> {
  id: string;
  /** Path from the project root, e.g. `src/content/claims/azure/account-ingress.yaml`. */
  file: string;
  data: T;
  /** Markdown body, for prose collections. */
  body?: string;
  /** 1-based line in `file` where the body starts. */
  bodyLine?: number;
}

export interface KitSnapshot {
  clouds: Entry<Cloud>[];
  plays: Entry<Play>[];
  claims: Entry<Claim>[];
  sources: Entry<Source>[];
  tco: Entry<TcoScenario>[];
  triage: Entry<Triage>[];
  frds: Entry<Frd>[];
  people: Entry<Person>[];
  reviews: Entry<Review>[];
  signals: Entry<Signal>[];
  partners: Entry<Partner>[];
  measurements: Entry<Measurement>[];
}

export type AnyEntry = Entry<Record<string, unknown>>;

export function emptySnapshot(): KitSnapshot {
  return { clouds: [], plays: [], claims: [], sources: [], tco: [], triage: [], frds: [], people: [], reviews: [], signals: [], partners: [], measurements: [] };
}

/** Entries of one collection, sorted by id so output never depends on file-system order. */
export function addEntry(snapshot: KitSnapshot, collection: CollectionName, entry: AnyEntry): void {
  (snapshot[collection] as AnyEntry[]).push(entry);
}

export function sortSnapshot(snapshot: KitSnapshot): KitSnapshot {
  for (const key of Object.keys(snapshot) as CollectionName[]) {
    (snapshot[key] as AnyEntry[]).sort((a, b) => a.id.localeCompare(b.id));
  }
  return snapshot;
}

/** Every entry with its collection, in collection then id order. */
export function entriesOf(snapshot: KitSnapshot): [CollectionName, AnyEntry][] {
  return (Object.keys(snapshot) as CollectionName[]).flatMap((c) =>
    (snapshot[c] as AnyEntry[]).map((e) => [c, e] as [CollectionName, AnyEntry]),
  );
}
