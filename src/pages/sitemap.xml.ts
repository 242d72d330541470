// The pages of this edition (left-out entries never appear): what the leak test also scans.
import type { APIRoute } from 'astro';
import { loadKit } from '../data/kit.ts';
import { sitemapPaths } from '../lib/site/views.ts';

export const GET: APIRoute = async ({ site }) => {
  const { snapshot } = await loadKit();
  const urls = sitemapPaths(snapshot).map((p) => `  <url><loc>${new URL(p, site).href}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml' },
  });
};
