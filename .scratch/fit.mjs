import { chromium } from 'playwright-core';
import { serveDir } from '/work/wt/slides/cli/serve.ts';
const s = await serveDir('/work/wt/slides/dist');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1203, height: 643 } });
for (const c of ['azure', 'aws', 'gcp', 'oracle', 'gpu-cloud']) {
  await p.goto(s.url + `/clouds/${c}/dagger/`);
  await p.emulateMedia({ media: 'print' });
  await p.screenshot({ path: `/tmp/slides-shots/dbg-${c}.png` });
  console.log(c, await p.evaluate(() => ({ sh: document.querySelector('.dagger__content').scrollHeight, ch: document.querySelector('.dagger__body').clientHeight })));
}
await b.close(); s.server.close();
