// /kits/<cloud>.css: the kit's running footer for print (cloud, edition, as-of date), a file rather
// than an inline <style> so the CSP needs no 'unsafe-inline'. /kits/<cloud>/ links it.
import type { APIRoute, GetStaticPaths } from 'astro';
import { cssString } from '../../components/kit/kit-model.ts';
import { loadKit } from '../../data/kit.ts';
import { entryById } from '../../lib/site/views.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { snapshot } = await loadKit();
  return snapshot.clouds.map((c) => ({ params: { cloud: c.id } }));
};

export const GET: APIRoute = async ({ params }) => {
  const { snapshot, now, audience } = await loadKit();
  const cloud = entryById(snapshot, 'clouds', params.cloud ?? '')!;
  // The running footer of every printed page after the cover: cloud, audience, as-of date.
  const footer = `${cloud.data.short} field kit · ${audience} edition · as of ${now}`;
  // The cover repeats its own "no footer" rule: this one comes later and would win otherwise.
  const css = `@page { @bottom-left { content: ${cssString(footer)}; } } @page cover { @bottom-left { content: none; } @bottom-right { content: none; } }\n`;
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
