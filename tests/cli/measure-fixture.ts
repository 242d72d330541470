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
