/** `preview`: serve the built site on loopback. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveDir } from './serve.ts';
import { EXIT, parseArgs, PROJECT_ROOT, UsageError } from './util.ts';

export async function previewCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['port'], booleans: [] });
  const port = Number(args.flags.get('port') ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number');
  const dir = join(PROJECT_ROOT, 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    process.stderr.write('preview: no built site in dist/; run ./fieldkit build first\n');
    return EXIT.problems;
  }
  const { url } = await serveDir(dir, port);
  process.stderr.write(`serving dist/ on ${url}/ (Ctrl+C to stop)\n`);
  await new Promise(() => {});
  return EXIT.ok;
}
