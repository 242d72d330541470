/**
 * `<fk-print><button type="button" data-print>Print</button></fk-print>`: the button opens the
 * browser's print dialog (no inline `onclick`: the CSP refuses it). `data-print-ready="1"` on the
 * button says the element started (tests check it under the CSP).
 */
import { defineElement, EnhancedElement, need } from './dom.ts';

export class PrintElement extends EnhancedElement {
  protected readonly what = 'The print button';

  protected start(): void {
    const button = need(this, 'button[data-print]', HTMLButtonElement);
    button.addEventListener('click', () => window.print());
    button.dataset.printReady = '1';
  }
}

defineElement('fk-print', PrintElement);

declare global {
  interface HTMLElementTagNameMap {
    'fk-print': PrintElement;
  }
}
