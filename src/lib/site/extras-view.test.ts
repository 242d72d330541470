/** View data for reviews, signals and the cloud-in-a-box blueprint. */
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../schemas/index.ts';
import { blueprints, isExample, latestReview, monthLabel, signalsOf, signalsOpenFirst } from './extras-view.ts';
import { emptySnapshot, type Entry, type KitSnapshot } from '../content/snapshot.ts';

const base = { owner: 'lead', reviewed: '2026-11-01', reviewEvery: 180, audience: 'internal' as const };

function signal(id: string, status: Signal['status'], date: string, cloud = 'azure'): Entry<Signal> {
  return { id, file: `src/content/signals/${id}.yaml`, data: { ...base, cloud, kind: 'gap', title: id, detail: 'd', submittedBy: 'SE', date, status } };
}

describe('reviews', () => {
  it('labels months', () => {
    expect(monthLabel('2026-11')).toBe('November 2026');
    expect(monthLabel('2027-01')).toBe('January 2027');
  });
  it('the latest review is the newest month, whatever the file order', () => {
    const s = emptySnapshot();
    for (const m of ['2026-09', '2026-11', '2026-10']) s.reviews.push({ id: m, file: '', data: { month: m } as never });
    expect(latestReview(s)!.id).toBe('2026-11');
    expect(latestReview(emptySnapshot())).toBeUndefined();
  });
  it('an example says so in its title', () => {
    expect(isExample('Example review — November 2026')).toBe(true);
    expect(isExample('Review, November 2026 (examples inside)')).toBe(false);
  });
});

describe('signals', () => {
  const list = [
    signal('answered-new', 'answered', '2026-11-20'),
    signal('open-late', 'new', '2026-11-19'),
    signal('play-old', 'became-play', '2026-09-01'),
    signal('open-early', 'new', '2026-10-01'),
    signal('frd-mid', 'became-frd', '2026-10-15', 'aws'),
  ];
  it('open ones first, longest waiting first; then the rest, newest first', () => {
    expect(signalsOpenFirst(list).map((s) => s.id)).toEqual(['open-early', 'open-late', 'answered-new', 'frd-mid', 'play-old']);
  });
  it('per cloud', () => {
    const s: KitSnapshot = { ...emptySnapshot(), signals: list };
    expect(signalsOf(s, 'aws').map((x) => x.id)).toEqual(['frd-mid']);
    expect(signalsOf(s, 'azure')[0]!.id).toBe('open-early');
  });
});

describe('blueprint', () => {
  it('one per Tier-2 cloud, with its plays and partners by role; roles without a partner stay visible', () => {
    const s = emptySnapshot();
    s.clouds.push(
      { id: 'azure', file: '', data: { name: 'Azure', tier: 'hyperscaler', order: 1 } as never },
      { id: 'gpu', file: '', data: { name: 'GPU', tier: 'tier2', order: 50 } as never },
    );
    s.plays.push({ id: 'p', file: '', data: { clouds: ['gpu'] } as never }, { id: 'q', file: '', data: { clouds: ['azure'] } as never });
    s.partners.push(
      { id: 'bill', file: '', data: { name: 'B', role: 'billing', clouds: ['gpu'] } as never },
      { id: 'orch', file: '', data: { name: 'O', role: 'orchestration', clouds: ['gpu'] } as never },
      { id: 'other', file: '', data: { name: 'X', role: 'identity', clouds: ['azure'] } as never },
    );
    const [bp, ...rest] = blueprints(s);
    expect(rest).toEqual([]);
    expect(bp!.cloud.id).toBe('gpu');
    expect(bp!.plays.map((p) => p.id)).toEqual(['p']);
    expect(bp!.partners.map((p) => p.id)).toEqual(['orch', 'bill']);
    expect(bp!.roles.map((r) => [r.role, r.partners.map((p) => p.id)])).toEqual([
      ['orchestration', ['orch']], ['provisioning', []], ['billing', ['bill']], ['identity', []], ['observability', []], ['networking', []],
    ]);
  });
});
