/** `dev`: Astro's dev server for live preview, plus `check` re-run whenever content changes. */
import { watch } from 'node:fs';
import { join } from 'node:path';
import { formatText } from '#lib/report.ts';
import { CONTENT_DIR, validateTree } from './io/content-fs.ts';
import { parseArgs, PROJECT_ROOT, run } from './util.ts';

export async function devCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['port'], booleans: [] });
  const report = () => {
    const { problems, files } = validateTree(PROJECT_ROOT);
    process.stderr.write(`\n[fieldkit check] ${new Date().toLocaleTimeString()}\n${formatText(problems, files)}`);
  };
  report();
  let timer: NodeJS.Timeout | undefined;
  watch(join(PROJECT_ROOT, CONTENT_DIR), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(report, 200);
  });
  const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return run(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(args.flags.get('port') ?? 4321)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, FIELDKIT_PRECHECKED: '1', ASTRO_TELEMETRY_DISABLED: '1' },
  });
}
