// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import fieldkit from './src/integrations/fieldkit.ts';

export default defineConfig({
  site: process.env.FIELDKIT_SITE ?? 'https://fieldkit.internal.example',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [fieldkit(), mdx()],
  devToolbar: { enabled: false },
  // Code blocks stay plain: Shiki would color them with inline style attributes, which the prose
  // sanitizer drops and the CSP (no 'unsafe-inline') refuses. `check` renders the same way.
  markdown: { syntaxHighlight: false },
});
