/**
 * The dev side of the one content check. The check itself runs in the Fieldkit content loader
 * (src/loaders/fieldkit.ts), for `astro build` and `astro dev` alike, so a plain Astro command
 * enforces exactly what `fieldkit check` does.
 *
 * In dev, a change to any content file (Vite's watcher: atomic saves, renames, new and deleted
 * files) re-runs the loader (`refreshContent`); each validation prints its report in the terminal
 * and shows the current problems in a banner on every page of the browser (served at
 * /__fieldkit/problems, pushed over Vite's socket).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join, sep } from 'node:path';
import type { Problem } from '../lib/problems/problems.ts';
import { LOADER_NAME, validationChannel, type Validation } from '../loaders/fieldkit.ts';
import { treeFingerprint } from '../node/content-fs.ts';

/** What the browser banner shows: counts and the first problems, each with file:line. */
export interface DevProblems {
  errors: number;
  warnings: number;
  problems: { file: string; line?: number; code: string; message: string; severity: string }[];
  checkedAt: string;
}

function summarize(problems: Problem[]): DevProblems {
  return {
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    problems: problems.slice(0, 50).map((p) => ({ file: p.file, line: p.line, code: p.code, message: p.message, severity: p.severity })),
    checkedAt: new Date().toISOString(),
  };
}

/** The banner: plain DOM, no framework; updated on every push from the dev server. */
const BANNER = `
const ID = 'fieldkit-dev-problems';
function show(d) {
  let el = document.getElementById(ID);
  if (!d || d.errors + d.warnings === 0) { el?.remove(); return; }
  if (!el) {
    el = document.createElement('aside');
    el.id = ID;
    el.setAttribute('role', 'alert');
    el.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:99999;max-height:40vh;overflow:auto;margin:0;padding:.75rem 1rem;font:14px/1.4 system-ui,sans-serif;background:#fff4e5;color:#3d2600;border-top:3px solid #b35900';
    document.body.append(el);
  }
  el.replaceChildren();
  const h = document.createElement('strong');
  h.textContent = 'fieldkit check: ' + d.errors + ' error(s), ' + d.warnings + ' warning(s)';
  const ul = document.createElement('ul');
  ul.style.margin = '.25rem 0 0 1rem';
  for (const p of d.problems) {
    const li = document.createElement('li');
    li.textContent = p.file + (p.line ? ':' + p.line : '') + '  ' + p.severity + ' ' + p.code + ': ' + p.message;
    ul.append(li);
  }
  el.append(h, ul);
}
fetch('/__fieldkit/problems').then((r) => r.json()).then(show).catch(() => {});
if (import.meta.hot) import.meta.hot.on('fieldkit:problems', show);
`;

export default function fieldkit(): AstroIntegration {
  let root = '';
  let latest: DevProblems = summarize([]);
  return {
    name: 'fieldkit',
    hooks: {
      'astro:config:setup': ({ config, command, injectScript }) => {
        root = fileURLToPath(config.root);
        if (command === 'dev') injectScript('page', BANNER);
      },
      'astro:server:setup': ({ server, refreshContent }) => {
        const content = join(root, 'src', 'content') + sep;
        const show = (v: Validation) => {
          latest = summarize(v.problems);
          const head = v.failed ? 'content problems (the dev server keeps running, showing the valid entries)' : 'content check';
          process.stderr.write(`\n[fieldkit] ${head}, ${new Date().toLocaleTimeString()}\n${v.report || `  ${v.files} files: no problems\n`}`);
          server.ws.send('fieldkit:problems', latest);
        };
        const channel = validationChannel();
        channel.listeners.add(show);
        if (channel.latest) show(channel.latest);
        let timer: NodeJS.Timeout | undefined;
        // Astro drops a refresh asked for while it reloads its content config; ask again until
        // the loader has seen the tree as it is now.
        const refresh = async (attempt: number) => {
          await refreshContent?.({ loaders: [LOADER_NAME] });
          if (channel.latest?.fingerprint !== treeFingerprint(root) && attempt < 40) {
            clearTimeout(timer);
            timer = setTimeout(() => void refresh(attempt + 1), 250);
          }
        };
        server.watcher.add(content);
        server.watcher.on('all', (_event: string, path: string) => {
          if (!path.startsWith(content)) return;
          clearTimeout(timer);
          timer = setTimeout(() => void refresh(0), 150);
        });
        server.middlewares.use('/__fieldkit/problems', (_req, res) => {
          res.setHeader('content-type', 'application/json');
          res.setHeader('cache-control', 'no-store');
          res.end(JSON.stringify(latest));
        });
      },
    },
  };
}
