/**
 * Words of a PDF page with their boxes and font sizes, from poppler's `pdftotext -bbox`. A word's
 * box spans the font's ascent to descent, which for DejaVu Sans (the system-ui font of Debian's
 * Chromium and LibreOffice's default here; tests check with pdffonts) is 1.164 em, so
 * size (pt) = box height / 1.164.
 */
import { spawnSync } from 'node:child_process';

/** DejaVu Sans in Chromium's PDFs: (ascent 0.928 + descent 0.236) per em. */
export const EM_BOX = 1.164;
/**
 * DejaVu Sans in LibreOffice's PDFs: its word boxes also hold the font's line gap, 1.30 em
 * (calibrated once: a 28 pt title's box is 36.4 pt high, a 16 pt body word's 20.8 pt).
 */
export const EM_BOX_LIBREOFFICE = 1.3;

export interface Word { text: string; x0: number; y0: number; x1: number; y1: number; size: number }

export const tool = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
};

/** Words of one page with their boxes: `pdftotext -bbox -f N -l N file -`. */
export function pdfWords(file: string, page: number, emBox = EM_BOX): { words: Word[]; width: number; height: number } {
  const xml = tool('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
  const [, width, height] = /<page width="([\d.]+)" height="([\d.]+)">/.exec(xml)!.map(Number) as [number, number, number];
  const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => {
    const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const text = m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    return { text, x0, y0, x1, y1, size: (y1 - y0) / emBox };
  });
  return { words, width, height };
}

