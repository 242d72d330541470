/** `preview`: serve the built site on loopback; the next free port when the asked one is busy. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveDir } from './serve.ts';
import { EXIT, parseArgs, portFlag, PROJECT_ROOT } from './util.ts';

export async function previewCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['port'], booleans: [] });
  const asked = portFlag(args.flags.get('port'), 4321);
  const dir = join(PROJECT_ROOT, 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    process.stderr.write('fieldkit preview: no built site in dist/; run ./fieldkit build first\n');
    return EXIT.usage;
  }
  for (let port = asked; port < Math.min(asked + 20, 65536); port++) {
    try {
      const { url } = await serveDir(dir, port);
      if (port !== asked) process.stderr.write(`port ${asked} is busy; using ${port} instead\n`);
      process.stdout.write(`serving dist/ on ${url}/ (Ctrl+C to stop)\n`);
      await new Promise(() => {});
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || asked === 0) throw err;
    }
  }
  process.stderr.write(`fieldkit preview: ports ${asked}-${asked + 19} are all busy; pass --port N\n`);
  return EXIT.usage;
}
