/**
 * The `fieldkit` command. Thin: parses arguments, calls the engine, maps results to exit codes
 * (0 ok, 1 content problems, 2 usage, 3 internal). Run by Node 24 directly (type stripping).
 */
import { EXIT, InternalError, suggest, UsageError } from './util.ts';

interface Command {
  summary: string;
  usage: string;
  /** Every flag the command accepts, with one sentence each (shown by `help <command>`). */
  flags: [flag: string, what: string][];
  run: (argv: string[]) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  build: {
    summary: 'validate the content, build the site into dist/ and index it for search',
    usage: 'build [--audience internal|partner|public] [--pdf] [--now YYYY-MM-DD] [--verbose]',
    flags: [['--audience internal|partner|public', 'the edition to build; entries stricter than it are left out (default internal)'], ['--pdf', 'also print the kit PDFs (and slides) before publishing'], ['--now YYYY-MM-DD', 'the date freshness is judged against (default today)'], ['--verbose', 'show Astro\'s own output']],
    run: async (argv) => (await import('./build.ts')).buildCommand(argv),
  },
  test: {
    summary: 'the whole suite: unit and CLI tests, builds of every edition (internal also 1 and 2 years on), browser tests in Chromium',
    usage: 'test [--no-browser]',
    flags: [['--no-browser', 'skip the build-dependent browser tests (Chromium)']],
    run: async (argv) => (await import('./test.ts')).testCommand(argv),
  },
  check: {
    summary: 'report every content problem in every file at once',
    usage: 'check [--format text|github|json] [--audience internal|partner|public] [--strict] [--now YYYY-MM-DD] [--root DIR]',
    flags: [['--format text|github|json', 'text grouped by file (default), GitHub workflow annotations, or JSON {summary, problems}'], ['--audience internal|partner|public', 'also report what that edition leaves out, and fail where a page would lose its point'], ['--strict', 'warnings (stale, old figures) fail too'], ['--now YYYY-MM-DD', 'the date freshness is judged against'], ['--root DIR', 'check another project tree']],
    run: async (argv) => (await import('./check.ts')).checkCommand(argv),
  },
  export: {
    summary: 'print the validated kit snapshot as JSON',
    usage: 'export [--now YYYY-MM-DD] [--root DIR]',
    flags: [['--now YYYY-MM-DD', 'the date freshness is judged against'], ['--root DIR', 'export another project tree']],
    run: async (argv) => (await import('./check.ts')).exportCommand(argv),
  },
  diff: {
    summary: 'show which claims, numbers and entries changed against a git ref, and what they touch',
    usage: 'diff --base <git ref> [--format markdown|json|text] [--now YYYY-MM-DD] [--root DIR]',
    flags: [['--base REF', 'required: the git ref to compare with (origin/main, HEAD~1, a tag)'], ['--format markdown|text|json', 'markdown (default, for a pull-request comment), text or json'], ['--now YYYY-MM-DD', 'the date freshness is judged against'], ['--root DIR', 'compare another project tree']],
    run: async (argv) => (await import('./diff.ts')).diffCommand(argv),
  },
  new: {
    summary: 'write a valid skeleton entry with TODO placeholders that check reports until filled',
    usage: 'new <collection> <id> [--root DIR] [--now YYYY-MM-DD]',
    flags: [['--root DIR', 'write into another project tree'], ['--now YYYY-MM-DD', 'the date written as reviewed/asOf']],
    run: async (argv) => (await import('./new.ts')).newCommand(argv),
  },
  measure: {
    summary: 'import a benchmark tool\'s results (fio, iperf3, CSV) as a claim\'s measurement; the claim\'s value becomes their median',
    usage: 'measure import <claim-id> <result-file>... [--side metric|ours] [--format fio-json|iperf3-json|csv] [--stat KEY] [--env key=value,...] [--dry-run] [--root DIR] [--now YYYY-MM-DD]',
    flags: [
      ['--side metric|ours', "which figure the results prove: the claim's own metric (default) or our `ours` value"],
      ['--format fio-json|iperf3-json|csv', 'the result files\' format (default: recognised from the content)'],
      ['--stat KEY', 'the statistic to take, e.g. write.clat.p99 (default: from the claim\'s metric name and unit)'],
      ['--env key=value,...', 'what the tool does not report about where it ran: region, VM size'],
      ['--dry-run', 'print what would be written, write nothing'],
      ['--root DIR', 'another project tree'],
      ['--now YYYY-MM-DD', 'the date the measurement is checked against'],
    ],
    run: async (argv) => (await import('./measure.ts')).measureCommand(argv),
  },
  pdf: {
    summary: 'render printable kit PDFs from the built site with Chromium into dist/kits/',
    usage: 'pdf [cloud…] [--format a4|letter] [--out DIR]',
    flags: [['--format a4|letter', 'paper size (default a4)'], ['--out DIR', 'write the PDFs there instead of dist/kits/']],
    run: async (argv) => (await import('./pdf.ts')).pdfCommand(argv),
  },
  slides: {
    summary: 'write each dagger slide as an editable PowerPoint file (dist/kits/<cloud>-dagger.pptx)',
    usage: 'slides [cloud…] [--out DIR] [--audience internal|partner|public] [--now YYYY-MM-DD]',
    flags: [
      ['--out DIR', 'write the .pptx files there instead of dist/kits/'],
      ['--audience internal|partner|public', "the edition (default: the built site's, else internal); partner and public slides carry no internal text"],
      ['--now YYYY-MM-DD', 'the date freshness markers are judged against'],
    ],
    run: async (argv) => (await import('./slides.ts')).slidesCommand(argv),
  },
  bench: {
    summary: 'time check and build on synthetic kits of N entries against a bare Astro floor',
    usage: 'bench [N…] [--rounds R] [--quick] [--seed S] [--now YYYY-MM-DD] [--scratch DIR] [--keep] [--report FILE]',
    flags: [['--rounds R', 'timed rounds per size'], ['--quick', 'one small size (N = 50)'], ['--seed S', 'seed of the synthetic kit'], ['--now YYYY-MM-DD', 'the date the synthetic kit is judged against'], ['--scratch DIR', 'where the synthetic trees are written'], ['--keep', 'keep the synthetic trees'], ['--report FILE', 'also write the JSON report there']],
    run: async (argv) => (await import('./bench.ts')).benchCommand(argv),
  },
  terms: {
    summary: 'add a confidential term to the deny-list (FIELDKIT_TERMS_FILE, outside the repo) or check a text against it',
    usage: 'terms add [term…] (or the term on stdin) | terms check <file | ->',
    flags: [['--root DIR', 'another project tree']],
    run: async (argv) => (await import('./terms.ts')).termsCommand(argv),
  },
  init: {
    summary: 'start a new kit: launcher, engine, site configuration and one example entry per collection',
    usage: 'init <dir> [--name "Acme field kit"] [--no-git]',
    flags: [['--name TEXT', 'the site name (default: from the folder name)'], ['--no-git', 'do not run git init in the new folder']],
    run: async (argv) => (await import('./init.ts')).initCommand(argv),
  },
  schemas: {
    summary: 'write the JSON Schemas editors use (schemas/) and the field reference (docs/fields.md)',
    usage: 'schemas [--check] [--root DIR]',
    flags: [['--check', 'only compare: exit 1 when the committed files are out of date'], ['--root DIR', 'another project tree']],
    run: async (argv) => (await import('./schemas.ts')).schemasCommand(argv),
  },
  audit: {
    summary: 'Lighthouse scores (performance, accessibility, best practices) of one built page of every type, as a Markdown table',
    usage: 'audit [/path/ …] [--runs N] [--gzip]',
    flags: [['--runs N', 'Lighthouse runs per page, the lowest reported (default 2; scores move with machine load)'], ['--gzip', 'serve text files gzip-compressed, as nginx does with gzip on (default: uncompressed)']],
    run: async (argv) => (await import('./audit.ts')).auditCommand(argv),
  },
  preview: {
    summary: 'serve dist/ on http://127.0.0.1:4321',
    usage: 'preview [--port N]',
    flags: [['--port N', 'the port (default 4321; the next free one when it is busy)']],
    run: async (argv) => (await import('./preview.ts')).previewCommand(argv),
  },
  dev: {
    summary: 'live preview while editing, with check problems reported as files change',
    usage: 'dev [--port N]',
    flags: [['--port N', 'the port of the dev server (default 4321)']],
    run: async (argv) => (await import('./dev.ts')).devCommand(argv),
  },
  help: {
    summary: 'list the commands',
    usage: 'help [command]',
    flags: [],
    run: async (argv) => {
      const name = argv[0];
      if (name && COMMANDS[name]) {
        process.stdout.write(commandHelp(name, COMMANDS[name]));
        return EXIT.ok;
      }
      if (name) {
        process.stderr.write(`fieldkit help: unknown command "${name}"${didYouMean(name)}\n`);
        return EXIT.usage;
      }
      process.stdout.write(helpText());
      return EXIT.ok;
    },
  },
};

function commandHelp(_name: string, c: Command): string {
  const rows: [string, string][] = [...c.flags, ['--debug', 'on an internal failure, print the stack trace'], ['--help', 'show this help']];
  const width = Math.max(...rows.map(([f]) => f.length));
  return `usage: ./fieldkit ${c.usage}\n\n${c.summary}\n\nflags:\n${rows.map(([f, w]) => `  ${f.padEnd(width)}  ${w}`).join('\n')}\n\nExit codes: 0 ok, 1 content problems (or failed tests), 2 usage error, 3 internal failure.\n`;
}

function didYouMean(name: string): string {
  const hint = suggest(name, Object.keys(COMMANDS));
  return hint ? ` (did you mean "${hint}"?)` : '';
}

function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ./fieldkit ${c.usage}`);
  return `Fieldkit: the multi-cloud field kit, as a static site.\n\nusage: ./fieldkit <command> [options]\n\n${rows.join('\n')}\n\nExit codes: 0 ok, 1 content problems, 2 usage error, 3 internal failure.\nSee README.md and docs/problems.md.\n`;
}

/** System errors that are the user's to fix (a missing file, a busy port), as one clear line. */
function userMistake(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  switch (e?.code) {
    case 'ENOENT': return `no such file or folder: ${e.path ?? e.message}`;
    case 'EACCES': case 'EPERM': return `permission denied: ${e.path ?? e.message}`;
    case 'EISDIR': return `expected a file, got a folder: ${e.path ?? e.message}`;
    case 'EADDRINUSE': return `port ${e.port ?? ''} is already in use; pass --port N with a free port`.replace('port  is', 'the port is');
    default: return undefined;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`fieldkit: unknown command "${name}"${didYouMean(name)}; ./fieldkit help lists them\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) return COMMANDS.help!.run([name]);
  const debug = rest.includes('--debug') || process.env.FIELDKIT_DEBUG === '1';
  try {
    return await cmd.run(rest.filter((a) => a !== '--debug'));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`fieldkit ${name}: ${err.message}\nusage: ./fieldkit ${cmd.usage}\n`);
      return EXIT.usage;
    }
    const mistake = (err as Error)?.name === 'ConfigError' ? (err as Error).message : userMistake(err);
    if (mistake) {
      process.stderr.write(`fieldkit ${name}: ${mistake}\n`);
      if (debug) process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
      return EXIT.usage;
    }
    const msg = err instanceof InternalError || !debug ? ((err as Error)?.message ?? String(err)) : ((err as Error)?.stack ?? String(err));
    process.stderr.write(`fieldkit ${name}: internal failure: ${msg}\n`);
    if (!debug && !(err instanceof InternalError)) process.stderr.write('(run again with --debug for the stack trace, and report it)\n');
    return EXIT.internal;
  }
}

process.exitCode = await main(process.argv.slice(2));
