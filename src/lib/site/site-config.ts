/**
 * The kit's site configuration (`fieldkit.config.ts` at the project root): the name and look of
 * the site, its navigation, the edition labels and which remote image hosts prose may use. Typed
 * with `defineKit`, validated with Zod where it is read, so a typo is a clear error.
 */
import { z } from 'astro/zod';

/** Sections the navigation can show, in the order given. */
export const NAV_SECTIONS = ['clouds', 'plays', 'claims', 'kits', 'tco', 'triage', 'frds', 'reviews', 'signals', 'sources'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

const color = () => z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'a colour written #rrggbb' });

export const siteConfigSchema = z.strictObject({
  /** The site's name: header, page titles, printed kits. */
  name: z.string().trim().min(1).max(60).describe('The site name shown in the header, page titles and printed kits.'),
  /** One line under the name on the home page. */
  tagline: z.string().trim().max(160).optional().describe('One line under the name on the home page.'),
  /** A logo under `public/` (SVG or PNG), with its text alternative. */
  logo: z.strictObject({
    src: z.string().regex(/^\/[\w./-]+\.(svg|png)$/, { error: 'a path under public/, like /logo.svg' }).describe('Path of the logo under public/, like /logo.svg.'),
    alt: z.string().trim().min(1).describe('What the logo says, for screen readers.'),
  }).optional().describe('A logo shown before the name.'),
  /** Accent colours for light and dark mode (links, buttons, the brand mark). */
  colors: z.strictObject({
    accent: color().describe('Accent colour in light mode (#rrggbb).'),
    accentDark: color().describe('Accent colour in dark mode (#rrggbb).'),
  }).describe('Accent colours.'),
  /** Which sections the main navigation shows, in order. Sections with nothing to show in an edition are hidden there. */
  nav: z.array(z.enum(NAV_SECTIONS)).min(1).describe('Sections of the main navigation, in order.'),
  /** What each edition is called on every page. */
  editionLabels: z.strictObject({
    internal: z.string().trim().min(1),
    partner: z.string().trim().min(1),
    public: z.string().trim().min(1),
  }).describe('The edition label shown on every page.'),
  /** Hosts prose images may load from (`https` only). Empty: images must live in the site. */
  remoteImageHosts: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { error: 'a host name like images.example.com' })).describe('Hosts that images in prose may load from; empty means local images only.'),
});

export type SiteConfig = z.output<typeof siteConfigSchema>;

/** A mistake in fieldkit.config.ts: the CLI reports it as a usage error (exit 2), one line per field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Typed helper for `fieldkit.config.ts`. */
export function defineKit(config: SiteConfig): SiteConfig {
  return config;
}

/** Validates a loaded configuration; problems come back as `field: what is expected` lines. */
export function parseSiteConfig(raw: unknown): { config?: SiteConfig; problems: string[] } {
  const r = siteConfigSchema.safeParse(raw);
  if (r.success) return { config: r.data, problems: [] };
  return { problems: r.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`) };
}
