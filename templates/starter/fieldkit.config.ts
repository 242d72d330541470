/**
 * The site's configuration: name, look, navigation, edition labels, remote image hosts.
 * Field reference: src/lib/site/site-config.ts. Checked by `./fieldkit check`.
 */
import { defineKit } from './src/lib/site/site-config.ts';

export default defineKit({
  name: '__KIT_NAME__',
  tagline: 'Our field kit: strategy, plays and sourced numbers.',
  colors: { accent: '#0b5cad', accentDark: '#58a6ff' },
  nav: ['clouds', 'plays', 'claims', 'kits', 'tco', 'triage', 'frds', 'reviews', 'signals', 'sources'],
  editionLabels: { internal: 'internal edition', partner: 'partner edition', public: 'public edition' },
  remoteImageHosts: [],
});
