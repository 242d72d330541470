/** The leak scan reads .pptx slides (the XML in the zip): text split into runs, notes, alt text. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { folder, scanForLeaks } from '../../cli/leaks.ts';
import { parseTermList, termNeedles } from '../../src/lib/safety/leaks.ts';

describe('pptx leak scan', () => {
  it('finds a term split across runs, in speaker notes and in a clean deck finds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldkit-pptx-'));
    const deck = new PptxGenJS();
    const slide = deck.addSlide();
    slide.addText([{ text: 's1 Con', options: { bold: true } }, { text: 'toso Media wins' }], { x: 1, y: 1, w: 6, h: 1 });
    slide.addNotes('n1 ask C\u043Entoso Media about it');
    await deck.writeFile({ fileName: join(dir, 'azure-dagger.pptx') });
    const clean = new PptxGenJS();
    clean.addSlide().addText('Contoso alone, Media alone', { x: 1, y: 1, w: 6, h: 1 });
    await clean.writeFile({ fileName: join(dir, 'aws-dagger.pptx') });

    const needles = termNeedles(parseTermList('Contoso Media\n'), folder());
    const { leaks, files } = await scanForLeaks(dir, needles);
    expect(files).toBe(2);
    expect(leaks.map((l) => [l.file, l.where, l.context])).toEqual([
      ['azure-dagger.pptx', 'ppt/slides/slide1.xml: text', 's1 [term 1] wins'],
      ['azure-dagger.pptx', 'ppt/notesSlides/notesSlide1.xml: text', 'n1 ask [term 1] about it'],
    ]);
  });
});
