/**
 * The raw result files behind each measurement, served for download at
 * `/measurements/<measurement id>/<file>`, only for measurements (and claims) in this edition. In
 * partner and public editions the host names the tool reported are redacted from the copy.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadKit } from '../../data/kit.ts';
import { evidenceDir } from '../../lib/measure/check.ts';
import { redactHosts } from '../../lib/measure/measurement.ts';
import { EvidenceError, readReport } from '../../lib/measure/readers.ts';

// Every file under the measurements folder, as text (Vite reads them at build time).
const RAW = import.meta.glob<string>('/src/content/measurements/**/*', { query: '?raw', import: 'default', eager: true });

export const getStaticPaths = (async () => {
  const { snapshot, audience } = await loadKit();
  const claims = new Set(snapshot.claims.map((c) => c.id));
  return snapshot.measurements
    .filter((m) => claims.has(m.data.claim))
    .flatMap((m) =>
      m.data.files.flatMap((f) => {
        const text = RAW[`/${evidenceDir(m.file)}/${f.name}`];
        if (text === undefined) return [];
        let body = text;
        if (audience !== 'internal') {
          try {
            const env = readReport(text, m.data.format).environment;
            body = redactHosts(text, [env.host, env.peer?.replace(/:\d+$/, '')]);
          } catch (e) {
            if (!(e instanceof EvidenceError)) throw e; // check has reported it; serve nothing unreadable outside internal
            return [];
          }
        }
        return [{ params: { path: `${m.id}/${f.name}` }, props: { body } }];
      }),
    );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body);
