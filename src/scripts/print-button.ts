/** Buttons marked `data-print` open the browser's print dialog (no inline `onclick`: the CSP refuses it). */
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  b.addEventListener('click', () => window.print());
  b.dataset.printReady = '1'; // the script ran (tests check it under the CSP)
}
