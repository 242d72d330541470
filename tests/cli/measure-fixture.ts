/** Shared by the measure tests: a throughput claim still to be measured, and the recorded tool output. */
import { join } from 'node:path';
import { BASE_TREE, ROOT } from '../helpers.ts';

export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'measure');
export const CKPT = 'src/content/claims/azure/ckpt.yaml';
/** A throughput claim still to be measured, with a repro recipe and an `ours` block. */
export const CKPT_CLAIM = [
  'owner: lead',
  'reviewed: 2026-11-01',
  'cloud: azure',
  'service: Example storage through a FUSE mount',
  'category: throughput',
  'statement: A synchronous checkpoint is bounded by the account ingress.',
  'metric:',
  '  name: Sustained checkpoint write bandwidth',
  '  value: TBD # to be measured',
  '  unit: GB/s',
  '  better: higher',
  'ours:',
  '  label: Our platform, same test',
  '  value: TBD',
  '  unit: GB/s',
  'status: tbd',
  'repro:',
  '  environment: One VM, fio 3.x.',
  '  steps:',
  '    - note: Write 64 MiB in 1 MiB blocks.',
  '      run: fio --name=t --rw=write --bs=1M --size=64M --filename=/tmp/fk-fio --output-format=json',
  '',
].join('\n');
export const MEASURE_TREE: Record<string, string> = { ...BASE_TREE, [CKPT]: CKPT_CLAIM };

export const CLOUD = 'src/content/clouds/azure.md';
/** The example cloud with a dagger page, and the claim ranked on it. */
export const DAGGER_CLOUD = MEASURE_TREE[CLOUD]!.replace('---\nThe ingress', [
  'dagger:',
  '  title: Where checkpoints stall',
  '  framing: Large training runs checkpoint often.',
  '  fit: We absorb the burst.',
  '  ask: [A joint test]',
  '  rubric: [Same VM, same job]',
  '---',
  'The ingress',
].join('\n'));
export const DAGGER_CLAIM = CKPT_CLAIM.replace('status: tbd', 'status: tbd\ndagger:\n  rank: 1');

