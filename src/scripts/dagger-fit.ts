/**
 * Fit the words to the dagger slide: measure a copy laid out at the printed size (12.533 x 6.66 in)
 * and set --fit, the type scale, to the largest value whose content still fits. Everything in the
 * slide is sized in em from one container-relative font size, so the fit holds at any width.
 * Loaded only by /clouds/<id>/dagger/.
 */
const slide = document.querySelector<HTMLElement>('.dagger');
if (slide) {
  const fit = () => {
    const frame = document.createElement('div');
    frame.className = 'dagger-frame dagger-frame--measure';
    frame.setAttribute('aria-hidden', 'true');
    const copy = slide.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[id]').forEach((e) => e.removeAttribute('id'));
    frame.append(copy);
    document.body.append(frame);
    const body = copy.querySelector<HTMLElement>('.dagger__body')!;
    const content = copy.querySelector<HTMLElement>('.dagger__content')!;
    const fits = (f: number) => { copy.style.setProperty('--fit', String(f)); return content.scrollHeight <= body.clientHeight; };
    let lo = 0.4;
    let hi = 1.35;
    if (fits(hi)) lo = hi;
    else for (let i = 0; i < 12; i++) { const mid = (lo + hi) / 2; if (fits(mid)) lo = mid; else hi = mid; }
    frame.remove();
    slide.style.setProperty('--fit', (lo * 0.98).toFixed(4));
    slide.dataset.fit = (lo * 0.98).toFixed(4);
  };
  fit();
  if (document.fonts?.ready) void document.fonts.ready.then(fit);
}
