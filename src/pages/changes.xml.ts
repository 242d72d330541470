// The change log as an Atom 1.0 feed an SE can subscribe to: one entry per content commit.
import type { APIRoute } from 'astro';
import { loadChanges } from '../data/changes.ts';
import { loadKit } from '../data/kit.ts';
import { site as siteConfig } from '../data/site.ts';
import { atomFeed } from '../lib/diff/changes.ts';
import { entryById } from '../lib/site/views.ts';

export const GET: APIRoute = async ({ site }) => {
  const { snapshot, audience, now } = await loadKit();
  const { log } = await loadChanges();
  const body = atomFeed(log, {
    site: String(site ?? 'https://fieldkit.internal.example/'), edition: audience, now, name: siteConfig.name,
    linkable: (collection, id) => entryById(snapshot, collection, id) !== undefined,
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
