/**
 * Makes a plain `astro build` / `astro dev` enforce the same content check as `fieldkit check`:
 * Astro alone stops at the first bad entry and only logs dangling references.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { validateTree } from '../../cli/io/content-fs.ts';
import { checkExitCode } from '../lib/problems.ts';
import { formatText } from '../lib/report.ts';

export default function fieldkit(): AstroIntegration {
  return {
    name: 'fieldkit',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        // `fieldkit build` has just run the same check and printed its report.
        if (process.env.FIELDKIT_PRECHECKED === '1' || command === 'preview') return;
        const root = fileURLToPath(config.root);
        const { problems, files } = validateTree(root);
        if (checkExitCode(problems, false) !== 0) {
          const report = formatText(problems, files);
          if (command === 'dev') {
            process.stderr.write(`\nfieldkit: content problems (the dev server keeps running):\n${report}`);
            return;
          }
          throw new Error(`Fieldkit content check failed:\n${report}`);
        }
      },
    },
  };
}
