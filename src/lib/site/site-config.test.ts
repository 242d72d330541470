/** fieldkit.config.ts as read: a good config passes as written, each mistake is one `field: expected` line. */
import { describe, expect, it } from 'vitest';
import { defineKit, parseSiteConfig, type SiteConfig } from './site-config.ts';

const GOOD: SiteConfig = {
  name: 'Acme field kit',
  colors: { accent: '#0b5cad', accentDark: '#58A6FF' },
  nav: ['clouds', 'plays', 'claims'],
  editionLabels: { internal: 'internal', partner: 'partner', public: 'public' },
  remoteImageHosts: ['images.example.com'],
};

describe('parseSiteConfig', () => {
  it('accepts a good config with optional fields left out, and trims the name', () => {
    expect(parseSiteConfig({ ...GOOD, name: '  Acme field kit ' })).toEqual({ config: GOOD, problems: [] });
    expect(parseSiteConfig({ ...GOOD, tagline: 'Sourced numbers.', logo: { src: '/logo.svg', alt: 'Acme' } }).problems).toEqual([]);
    expect(defineKit(GOOD)).toBe(GOOD);
  });

  it('names each wrong field with what it should be', () => {
    const r = parseSiteConfig({
      ...GOOD,
      colors: { accent: 'blue', accentDark: '#58a6f' },
      logo: { src: 'logo.gif', alt: 'Acme' },
      remoteImageHosts: ['https://images.example.com/'],
    });
    expect(r.config).toBeUndefined();
    expect(r.problems).toEqual([
      'logo.src: a path under public/, like /logo.svg',
      'colors.accent: a colour written #rrggbb',
      'colors.accentDark: a colour written #rrggbb',
      'remoteImageHosts.0: a host name like images.example.com',
    ]);
  });

  it('refuses an unknown nav section, an empty nav, an unknown key and a missing edition label, each on its field', () => {
    const fields = (raw: unknown) => parseSiteConfig(raw).problems.map((p) => p.slice(0, p.indexOf(':')));
    expect(fields({ ...GOOD, nav: ['clouds', 'blog'] })).toEqual(['nav.1']);
    expect(fields({ ...GOOD, nav: [] })).toEqual(['nav']);
    expect(fields({ ...GOOD, colour: '#000000' })).toEqual(['(config)']);
    expect(fields({ ...GOOD, editionLabels: { internal: 'i', partner: 'p' } })).toEqual(['editionLabels.public']);
    expect(fields({ ...GOOD, name: '   ' })).toEqual(['name']);
  });
});
