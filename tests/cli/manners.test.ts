/**
 * A CLI with manners: every user mistake exits 1 or 2 with one clear line, never a stack trace;
 * help lists every flag; typos get "did you mean".
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldkit, makeTree } from '../helpers.ts';

const STACK = /\n\s+at .+\(.*:\d+:\d+\)|node:internal/;
const empty = mkdtempSync(join(tmpdir(), 'fieldkit-nodist-'));
const tree = makeTree();

describe('user mistakes: exit code and one clear line, no stack trace', () => {
  const cases: { name: string; args: string[]; env?: Record<string, string>; code: number; says: RegExp }[] = [
    { name: 'unknown command', args: ['buidl'], code: 2, says: /unknown command "buidl" \(did you mean "build"\?\)/ },
    { name: 'help for an unknown command', args: ['help', 'buidl'], code: 2, says: /unknown command "buidl" \(did you mean "build"\?\)/ },
    { name: 'misspelt flag', args: ['check', '--formt', 'json'], code: 2, says: /unknown option --formt \(did you mean --format\?\)/ },
    { name: 'bad git ref', args: ['diff', '--root', tree, '--base', 'no-such-ref'], code: 2, says: /not a git repository|git ref 'no-such-ref' not found/ },
    { name: 'port not a number (dev)', args: ['dev', '--port', 'abc'], code: 2, says: /--port must be a port number/ },
    { name: 'port not a number (preview)', args: ['preview', '--port', 'abc'], code: 2, says: /--port must be a port number/ },
    { name: 'preview without a build', args: ['preview'], env: { FIELDKIT_ROOT: empty }, code: 2, says: /no built site in dist\/; run \.\/fieldkit build first/ },
    { name: 'audit without a build', args: ['audit'], env: { FIELDKIT_ROOT: empty }, code: 2, says: /no built site in dist\/; run \.\/fieldkit build first/ },
    { name: 'pdf without a build', args: ['pdf'], env: { FIELDKIT_ROOT: empty }, code: 2, says: /build/ },
    { name: 'bad date', args: ['check', '--root', tree, '--now', '2026-13-45'], code: 2, says: /--now must be a date written YYYY-MM-DD/ },
    { name: 'check a folder without content', args: ['check', '--root', empty], code: 2, says: /no content folder/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = fieldkit(c.args, { env: c.env });
      expect(r.code, r.stderr).toBe(c.code);
      expect(r.stderr).toMatch(c.says);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toContain('internal failure');
    });
  }

  it('audit of a page that is not in the built site fails (exit 1) before starting Lighthouse', () => {
    const r = fieldkit(['audit', '/nope/']);
    // Needs a built dist/ in the project; `fieldkit test` builds before the browser tests, not before these.
    if (r.stderr.includes('no built site')) return expect(r.code).toBe(2);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a page of the built site: /nope/');
  });
});

describe('help', () => {
  it('help <command> lists every flag with a sentence', () => {
    const r = fieldkit(['help', 'test']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--no-browser\s+skip/);
    const b = fieldkit(['help', 'build']);
    for (const f of ['--audience', '--pdf', '--now', '--verbose', '--debug']) expect(b.stdout).toContain(f);
  });

  it('<command> --help is the same as help <command>', () => {
    expect(fieldkit(['check', '--help']).stdout).toBe(fieldkit(['help', 'check']).stdout);
  });
});

describe('preview', () => {
  it('a busy port: preview moves to the next free one and says so', async () => {
    const blocker = createServer();
    const port: number = await new Promise((ok) => blocker.listen(0, '127.0.0.1', () => ok((blocker.address() as { port: number }).port)));
    try {
      const { spawn } = await import('node:child_process');
      const { ROOT } = await import('../helpers.ts');
      const child = spawn(process.execPath, ['--no-warnings', join(ROOT, 'cli', 'main.ts'), 'preview', '--port', String(port)], {
        env: { ...process.env, FIELDKIT_ROOT: ROOT },
      });
      let err = '';
      let out = '';
      child.stderr.on('data', (d) => (err += d));
      child.stdout.on('data', (d) => (out += d));
      await new Promise<void>((ok) => {
        const t = setInterval(() => { if (/serving|no built site/.test(out + err)) { clearInterval(t); ok(); } }, 50);
      });
      child.kill();
      if (err.includes('no built site')) return; // needs dist/; covered by the table above
      expect(err).toContain(`port ${port} is busy; using ${port + 1} instead`);
      expect(out).toContain(`http://127.0.0.1:${port + 1}/`);
    } finally {
      blocker.close();
    }
  });
});
