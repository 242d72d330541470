/**
 * The `fieldkit` command. Thin: parses arguments, calls the engine, maps results to exit codes
 * (0 ok, 1 content problems, 2 usage, 3 internal). Run by Node 24 directly (type stripping).
 */
import { EXIT, InternalError, UsageError } from './util.ts';

interface Command {
  summary: string;
  usage: string;
  run: (argv: string[]) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  build: {
    summary: 'validate the content, build the site into dist/ and index it for search',
    usage: 'build [--audience internal|partner|public] [--pdf] [--now YYYY-MM-DD] [--verbose]',
    run: async (argv) => (await import('./build.ts')).buildCommand(argv),
  },
  test: {
    summary: 'the whole suite: unit and CLI tests, a build, browser tests in Chromium',
    usage: 'test',
    run: async (argv) => (await import('./test.ts')).testCommand(argv),
  },
  check: {
    summary: 'report every content problem in every file at once',
    usage: 'check [--format text|github|json] [--audience internal|partner|public] [--strict] [--now YYYY-MM-DD] [--root DIR]',
    run: async (argv) => (await import('./check.ts')).checkCommand(argv),
  },
  export: {
    summary: 'print the validated kit snapshot as JSON',
    usage: 'export [--now YYYY-MM-DD] [--root DIR]',
    run: async (argv) => (await import('./check.ts')).exportCommand(argv),
  },
  diff: {
    summary: 'show which claims, numbers and entries changed against a git ref, and what they touch',
    usage: 'diff --base <git ref> [--format markdown|json|text] [--now YYYY-MM-DD] [--root DIR]',
    run: async (argv) => (await import('./diff.ts')).diffCommand(argv),
  },
  new: {
    summary: 'write a valid skeleton entry with TODO placeholders that check reports until filled',
    usage: 'new <collection> <id> [--root DIR] [--now YYYY-MM-DD]',
    run: async (argv) => (await import('./new.ts')).newCommand(argv),
  },
  pdf: {
    summary: 'render printable kit PDFs from the built site with Chromium into dist/kits/',
    usage: 'pdf [cloud…] [--format a4|letter] [--out DIR]',
    run: async (argv) => (await import('./pdf.ts')).pdfCommand(argv),
  },
  slides: {
    summary: 'write each dagger slide as an editable PowerPoint file (dist/kits/<cloud>-dagger.pptx)',
    usage: 'slides [cloud…] [--out DIR] [--audience internal|partner|public] [--now YYYY-MM-DD]',
    run: async (argv) => (await import('./slides.ts')).slidesCommand(argv),
  },
  bench: {
    summary: 'time check and build on synthetic kits of N entries against a bare Astro floor',
    usage: 'bench [N…] [--rounds R] [--quick] [--seed S] [--now YYYY-MM-DD] [--scratch DIR] [--keep] [--report FILE]',
    run: async (argv) => (await import('./bench.ts')).benchCommand(argv),
  },
  terms: {
    summary: 'add a confidential term (stored hashed) or check a text against the list',
    usage: 'terms add [term…] (or the term on stdin) | terms check <file | ->',
    run: async (argv) => (await import('./terms.ts')).termsCommand(argv),
  },
  audit: {
    summary: 'Lighthouse scores (performance, accessibility, best practices) of key built pages',
    usage: 'audit [/path/ …]',
    run: async (argv) => (await import('./audit.ts')).auditCommand(argv),
  },
  preview: {
    summary: 'serve dist/ on http://127.0.0.1:4321',
    usage: 'preview [--port N]',
    run: async (argv) => (await import('./preview.ts')).previewCommand(argv),
  },
  dev: {
    summary: 'live preview while editing, with check problems reported as files change',
    usage: 'dev [--port N]',
    run: async (argv) => (await import('./dev.ts')).devCommand(argv),
  },
  help: {
    summary: 'list the commands',
    usage: 'help [command]',
    run: async (argv) => {
      const name = argv[0];
      if (name && COMMANDS[name]) {
        process.stdout.write(`usage: ./fieldkit ${COMMANDS[name].usage}\n\n${COMMANDS[name].summary}\n`);
        return EXIT.ok;
      }
      process.stdout.write(helpText());
      return EXIT.ok;
    },
  },
};

function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ./fieldkit ${c.usage}`);
  return `Fieldkit: the multi-cloud field kit, as a static site.\n\nusage: ./fieldkit <command> [options]\n\n${rows.join('\n')}\n\nExit codes: 0 ok, 1 content problems, 2 usage error, 3 internal failure.\nSee README.md and docs/problems.md.\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`fieldkit: unknown command "${name}"\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) return COMMANDS.help!.run([name]);
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`fieldkit ${name}: ${err.message}\nusage: ./fieldkit ${cmd.usage}\n`);
      return EXIT.usage;
    }
    const msg = err instanceof InternalError ? err.message : ((err as Error)?.stack ?? String(err));
    process.stderr.write(`fieldkit ${name}: internal failure: ${msg}\n`);
    return EXIT.internal;
  }
}

process.exitCode = await main(process.argv.slice(2));
