// /frds/filters.css: the FRD index's filter rules (src/components/frd-filters.ts), a file rather than
// an inline <style> so the CSP needs no 'unsafe-inline'.
import type { APIRoute } from 'astro';
import { frdFilters } from '../../components/frd-filters.ts';
import { loadKit } from '../../data/kit.ts';

export const GET: APIRoute = async () => {
  const { snapshot } = await loadKit();
  return new Response(`${frdFilters(snapshot).css}\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
