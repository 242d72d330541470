/** Which file paths can be entries, the glob Astro uses for them, and how a bad name is explained. */
import { describe, expect, it } from 'vitest';
import { entryGlob, entryId, fileNameProblem, idDepth } from './ids.ts';

const claims = { dir: 'claims', kind: 'data' as const };
const plays = { dir: 'plays', kind: 'prose' as const };
const measurements = { dir: 'measurements', kind: 'data' as const };

describe('ids and globs', () => {
  it('ids from paths: no extension, forward slashes, lower case', () => {
    expect(entryId('azure\\Account-Ingress.YAML')).toBe('azure/account-ingress');
    expect(entryId('./plays/x.mdx')).toBe('plays/x');
  });
  it('depth and glob per collection: claims one folder, measurements two, others flat', () => {
    expect([idDepth('claims'), idDepth('measurements'), idDepth('plays')]).toEqual([2, 3, 1]);
    expect(entryGlob(claims)).toBe('*/*.{yaml,yml}');
    expect(entryGlob(measurements)).toBe('*/*/*.{yaml,yml}');
    expect(entryGlob(plays)).toBe('*.md');
  });
});

describe('fileNameProblem', () => {
  it('good names pass', () => {
    expect(fileNameProblem(claims, 'azure/ingress.yaml')).toBeUndefined();
    expect(fileNameProblem(claims, 'azure/ingress.yml')).toBeUndefined();
    expect(fileNameProblem(plays, 'checkpoint_storms.md')).toBeUndefined();
    expect(fileNameProblem(measurements, 'azure/ckpt/2026-12-01-0819.yaml')).toBeUndefined();
  });

  it('a play in a subfolder: move it up', () => {
    expect(fileNameProblem(plays, 'azure/checkpoint.md')).toEqual({
      message: 'plays/ is a flat collection: its files sit directly in src/content/plays/, not in a subfolder',
      expected: 'plays/<id>.md', found: 'src/content/plays/azure/checkpoint.md', hint: 'Move it to src/content/plays/checkpoint.md.',
    });
  });

  it('a claim outside a cloud folder, and a measurement at the wrong depth', () => {
    expect(fileNameProblem(claims, 'ingress.yaml')).toEqual({
      message: 'a file in claims/ sits in exactly one folder, named after its cloud',
      expected: 'claims/<cloud>/<id>.yaml', found: 'src/content/claims/ingress.yaml', hint: 'Move it to src/content/claims/<cloud>/<id>.yaml.',
    });
    expect(fileNameProblem(measurements, 'azure/s.yaml')).toEqual({
      message: 'a file in measurements/ sits at measurements/<cloud>/<claim>/<session>.yaml',
      expected: 'measurements/<cloud>/<claim>/<session>.yaml', found: 'src/content/measurements/azure/s.yaml',
      hint: 'Move it to src/content/measurements/<cloud>/<claim>/<session>.yaml.',
    });
  });

  it('an upper-case extension: rename with the lower-case one', () => {
    expect(fileNameProblem(claims, 'azure/ingress.YAML')).toEqual({
      message: 'the extension .YAML must be lower-case',
      expected: 'src/content/claims/azure/ingress.yaml', found: 'src/content/claims/azure/ingress.YAML', hint: 'Rename the file to src/content/claims/azure/ingress.yaml.',
    });
  });

  it('spaces and capitals in a name: the slug to rename to', () => {
    expect(fileNameProblem(claims, 'Azure/Account Ingress!.yaml')).toEqual({
      message: '"Azure" cannot be part of an id: ids are lower-case letters and digits with single dashes or underscores between them',
      expected: 'src/content/claims/azure/account-ingress.yaml', found: 'src/content/claims/Azure/Account Ingress!.yaml',
      hint: 'Rename the file to src/content/claims/azure/account-ingress.yaml.',
    });
    expect(fileNameProblem(plays, '###.md')?.expected).toBe('src/content/plays/name.md');
  });
});
