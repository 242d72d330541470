/** The configured accent colours as a stylesheet (a file, so the CSP needs no inline style). */
import type { APIRoute } from 'astro';
import { site } from '../data/site.ts';

export const GET: APIRoute = () =>
  new Response(
    `:root { --accent: ${site.colors.accent}; }\n@media (prefers-color-scheme: dark) { :root { --accent: ${site.colors.accentDark}; } }\n@media print { :root { --accent: #000; } }\n`,
    { headers: { 'content-type': 'text/css; charset=utf-8' } },
  );
