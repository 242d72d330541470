// Only the public edition invites crawlers; internal and partner editions ask them to stay out.
import type { APIRoute } from 'astro';
import { loadKit } from '../data/kit.ts';

export const GET: APIRoute = async ({ site }) => {
  const { audience } = await loadKit();
  const body = audience === 'public'
    ? `User-agent: *\nAllow: /\nSitemap: ${new URL('/sitemap.xml', site).href}\n`
    : 'User-agent: *\nDisallow: /\n';
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
