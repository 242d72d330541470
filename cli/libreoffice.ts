/**
 * Finding (or installing) LibreOffice Impress, the real PowerPoint client the slide tests convert
 * `.pptx` files with (`soffice --headless --convert-to pdf`). Like cli/chromium.ts: Debian's
 * package, installed with apt the first time when we run as root; FIELDKIT_SOFFICE points at
 * another soffice binary.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { capture } from './util.ts';
import { ensurePackages } from './tools.ts';

export const SOFFICE_ENV = 'FIELDKIT_SOFFICE';
const DEFAULT = '/usr/bin/soffice';
/** The Debian package that provides soffice with the Impress filters. */
export const SOFFICE_PACKAGE = 'libreoffice-impress';

export function sofficePath(): string {
  return process.env[SOFFICE_ENV] ?? DEFAULT;
}

/** Returns the soffice path, installing libreoffice-impress when missing and we are root; else explains. */
export async function ensureLibreOffice(opts: { install: boolean }): Promise<{ path?: string; message?: string }> {
  const path = sofficePath();
  const explain =
    `LibreOffice not found at ${path}. Install Debian's package (apt-get install ${SOFFICE_PACKAGE}) ` +
    `or point ${SOFFICE_ENV} at another soffice binary.`;
  if (!existsSync(path) && opts.install && !process.env[SOFFICE_ENV]) {
    const { message } = await ensurePackages([[SOFFICE_PACKAGE, path]], { install: true, noRecommends: true });
    if (message) return { message: `${message}. ${explain}` };
  }
  return existsSync(path) ? { path } : { message: explain };
}

/**
 * Converts one document to PDF with LibreOffice, headless, in a throwaway profile (so parallel runs
 * and the user's own LibreOffice do not share a lock). Returns the PDF's path in outDir.
 */
export async function convertToPdf(file: string, outDir: string, soffice = sofficePath()): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'fieldkit-soffice-'));
  try {
    const r = await capture(soffice, [
      `-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nolockcheck',
      '--convert-to', 'pdf', '--outdir', outDir, file,
    ]);
    const pdf = join(outDir, basename(file).replace(/\.[^.]+$/, '.pdf'));
    if (r.code !== 0 || !existsSync(pdf)) throw new Error(`soffice could not convert ${file} (exit ${r.code}): ${r.stderr.trim() || r.stdout.trim()}`);
    return pdf;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
