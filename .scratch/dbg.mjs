import { chromium } from 'playwright-core';
import { serveDir } from '/work/wt/slides/cli/serve.ts';
const s = await serveDir('/work/wt/slides/dist');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1203, height: 643 } });
await p.goto(s.url + '/clouds/azure/dagger/');
await p.emulateMedia({ media: 'print' });
await p.screenshot({ path: '/tmp/slides-shots/dbg-print-emu.png' });
console.log(await p.evaluate(() => {
  const a = document.querySelector('.dagger__sources a.url');
  const cs = getComputedStyle(a);
  const li = a.closest('li');
  const c = document.querySelector('.dagger__content');
  return { ws: cs.whiteSpace, wb: cs.wordBreak, ow: cs.overflowWrap, disp: cs.display, liW: li.getBoundingClientRect().width, aW: a.getBoundingClientRect().width, sh: c.scrollHeight, ch: document.querySelector('.dagger__body').clientHeight, after: getComputedStyle(a, '::after').content };
}));
await b.close(); s.server.close();
