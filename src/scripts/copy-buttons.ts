/**
 * `<fk-copy data-copy="text" hidden><button type="button" class="copy">Copy</button></fk-copy>`:
 * copies `data-copy` to the clipboard (a claim page's repro steps). Hidden without JavaScript (the
 * command stays selectable beside it); shown once the element starts.
 */
import { ConfigError, defineElement, EnhancedElement, need } from './dom.ts';

export class CopyElement extends EnhancedElement {
  protected readonly what = 'The copy button';

  protected start(): void {
    const text = this.dataset.copy;
    if (text === undefined || text === '') throw new ConfigError(this, 'data-copy', 'the text to copy', text);
    const button = need(this, 'button', HTMLButtonElement);
    let reset: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Select and copy';
      }
      clearTimeout(reset);
      reset = setTimeout(() => (button.textContent = 'Copy'), 2000);
    });
    this.hidden = false;
  }
}

defineElement('fk-copy', CopyElement);

declare global {
  interface HTMLElementTagNameMap {
    'fk-copy': CopyElement;
  }
}
