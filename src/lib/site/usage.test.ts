/** "Used by" on a claim page and the home page's counts. */
import { describe, expect, it } from 'vitest';
import { emptySnapshot, type KitSnapshot } from '../content/snapshot.ts';
import { plural } from '../format/text.ts';
import { claimUsage } from './views.ts';

const base = { owner: 'lead', reviewed: '2026-11-01', reviewEvery: 180, audience: 'internal' as const };

function kit(): KitSnapshot {
  const s = emptySnapshot();
  const claim = (id: string, cloud: string, rank?: number) => ({
    id, file: `src/content/claims/${id}.yaml`, body: undefined,
    data: { ...base, cloud, category: 'throughput', statement: id, metric: { name: 'm', value: 1, unit: 'Gbps', better: 'higher' }, status: 'sourced', sources: [], history: [], ...(rank ? { dagger: { rank } } : {}) },
  });
  s.claims.push(claim('azure/egress', 'azure', 1) as never, claim('azure/ingress', 'azure') as never, claim('aws/get-rate', 'aws', 2) as never);
  // Azure has a dagger page; AWS ranks a gap but has no dagger block, so no dagger page.
  s.clouds.push({ id: 'azure', file: 'src/content/clouds/azure.md', body: 'See [the ingress limit](claim:azure/ingress).', data: { ...base, name: 'Azure', short: 'Azure', dagger: { title: 't' } } } as never);
  s.clouds.push({ id: 'aws', file: 'src/content/clouds/aws.md', body: '', data: { ...base, name: 'AWS', short: 'AWS' } } as never);
  s.plays.push({ id: 'egress-play', file: 'src/content/plays/egress-play.md', body: '', data: { ...base, title: 'Egress', clouds: ['azure'], proofPoints: ['azure/egress'], objections: [] } } as never);
  s.tco.push({ id: 'lake', file: 'src/content/tco/lake.yaml', data: { ...base, notes: 'Egress caps: [see](claim:azure/egress)' } } as never);
  return s;
}

describe('claimUsage', () => {
  it('lists the dagger page of the claim\'s cloud when the claim has a dagger rank', () => {
    const u = claimUsage(kit(), 'azure/egress');
    expect(u.dagger).toEqual(['azure']);
    expect(u.clouds).toEqual(['azure']);
    expect(u.plays).toEqual(['egress-play']);
    expect(u.other).toEqual(['tco/lake']);
  });
  it('no dagger page for a claim without a rank, or when the cloud has no dagger block', () => {
    expect(claimUsage(kit(), 'azure/ingress')).toEqual({ plays: [], clouds: ['azure'], dagger: [], other: [] });
    expect(claimUsage(kit(), 'aws/get-rate').dagger).toEqual([]);
  });
  it('an unused claim is used nowhere', () => {
    expect(claimUsage(kit(), 'azure/unknown')).toEqual({ plays: [], clouds: [], dagger: [], other: [] });
  });
});

describe('plural', () => {
  it.each([
    [0, 'claim', '0 claims'],
    [1, 'claim', '1 claim'],
    [2, 'claim', '2 claims'],
    [1, 'play', '1 play'],
  ])('%i %s -> %s', (n, word, out) => expect(plural(n, word)).toBe(out));
  it('takes an irregular plural', () => expect(plural(2, 'value moved', 'values moved')).toBe('2 values moved'));
});
