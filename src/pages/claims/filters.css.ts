// /claims/filters.css: the claims ledger's filter and sort rules (src/components/ledger-filters.ts),
// a file rather than an inline <style> so the CSP needs no 'unsafe-inline'.
import type { APIRoute } from 'astro';
import { ledgerFilters } from '../../components/ledger-filters.ts';
import { loadKit } from '../../data/kit.ts';

export const GET: APIRoute = async () => {
  const { snapshot, now } = await loadKit();
  return new Response(`${ledgerFilters(snapshot, now).css}\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
