/**
 * `init <dir>`: a new, empty kit repository: the launcher and engine, the site configuration, one
 * example entry per collection (each says it is an example) and a README with the two commands.
 * The engine is copied, not installed as a package: a kit is one repository its owners can read,
 * build offline and review by pull request.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { EXIT, parseArgs, PROJECT_ROOT, UsageError } from './util.ts';

/** What a kit needs from this repository (everything else, tests, bench and our content, stays). */
const ENGINE = [
  'fieldkit', '.nvmrc', '.gitignore', 'package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json',
  'eslint.config.mjs', 'cli', 'src', 'schemas', '.vscode', 'deploy', 'docs/problems.md', 'docs/fields.md', 'docs/review.md',
  '.github/workflows',
];
const TEMPLATE = join('templates', 'starter');

function skip(rel: string): boolean {
  const parts = rel.split(sep);
  if (rel === join('src', 'content') || rel.startsWith(join('src', 'content') + sep)) return true;
  return /\.test\.ts$|\.fixture\.ts$/.test(rel) || parts.includes('node_modules') || parts.includes('.astro');
}

export async function initCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['name'], booleans: ['no-git'] });
  if (args.positional.length !== 1) throw new UsageError('name the folder for the new kit: ./fieldkit init ../acme-kit');
  const dir = resolve(args.positional[0]!);
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    throw new UsageError(`${dir} already exists and is not empty; init never overwrites (choose a new folder)`);
  }
  const name = String(args.flags.get('name') ?? basename(dir).replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()));
  if (!/^[^'\\\n]{1,60}$/.test(name)) throw new UsageError('--name must be 1-60 characters, without quotes or backslashes');

  mkdirSync(dir, { recursive: true });
  for (const item of ENGINE) {
    const from = join(PROJECT_ROOT, item);
    if (!existsSync(from)) continue;
    cpSync(from, join(dir, item), { recursive: true, filter: (src) => !skip(relative(PROJECT_ROOT, src)) });
  }
  cpSync(join(PROJECT_ROOT, TEMPLATE), dir, { recursive: true });
  for (const file of ['README.md', 'fieldkit.config.ts']) {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('__KIT_NAME__', name));
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  pkg.name = basename(dir).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'field-kit';
  pkg.description = `${name}: a field kit built with Fieldkit`;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

  if (!args.flags.has('no-git')) {
    const git = spawnSync('git', ['init', '-q'], { cwd: dir });
    if (git.status !== 0) process.stderr.write('git not available: the kit was created without a repository (git init it yourself)\n');
  }
  process.stdout.write(
    `created ${name} in ${dir}\n\nnext:\n  cd ${args.positional[0]}\n  ./fieldkit check    # the examples pass; replace them with your content\n  ./fieldkit build    # the site in dist/ (./fieldkit preview serves it)\n`,
  );
  return EXIT.ok;
}
