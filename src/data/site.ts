/**
 * The site configuration (`fieldkit.config.ts`), validated. Pages and the layout read it here;
 * a mistake in the file stops the build with the field and what was expected.
 */
import raw from '../../fieldkit.config.ts';
import { ConfigError, parseSiteConfig, type SiteConfig } from '../lib/site/site-config.ts';

function load(): SiteConfig {
  const { config, problems } = parseSiteConfig(raw);
  if (!config) throw new ConfigError(`fieldkit.config.ts is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return config;
}

export const site: SiteConfig = load();
