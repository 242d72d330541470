// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import fieldkit from './src/integrations/fieldkit.ts';

export default defineConfig({
  site: process.env.FIELDKIT_SITE ?? 'https://fieldkit.internal.example',
  trailingSlash: 'always',
  // No inline <script> or <style>: every script and stylesheet is a file in /_astro/, so the CSP
  // needs no 'unsafe-inline' (deploy/nginx.conf). Astro would otherwise inline small ones.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [fieldkit(), mdx()],
  devToolbar: { enabled: false },
  // Code blocks stay plain: Shiki would color them with inline style attributes, which the prose
  // sanitizer drops and the CSP (no 'unsafe-inline') refuses. `check` renders the same way.
  markdown: { syntaxHighlight: false },
});
