// @ts-check
// The bare floor: Astro's defaults (Markdown through the default processor, no integrations),
// with the same URL shape as Fieldkit so page and byte counts compare.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://floor.example',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
