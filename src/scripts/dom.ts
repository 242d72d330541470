/**
 * What every custom element of the site shares (the `fk-*` elements in src/scripts/): finding its
 * parts with an error that names the element and the missing part (no non-null assertions), reading
 * its typed config from a `data-config` JSON attribute with a hand check, and failing visibly
 * (a console error and a line in the page) while the server-rendered page stays as it was.
 */

/** A problem with an element's markup or config: the message names the element and the part. */
export class ElementError extends Error {}

/** The element's tag as it reads in a message: `<fk-calculator>`. */
export const tagOf = (el: Element) => `<${el.localName}>`;

/**
 * The first descendant of `root` matching `selector`, of the given class; throws a clear error
 * naming `owner` (the custom element) and the selector when it is missing or of the wrong kind.
 */
export function need<T extends Element = HTMLElement>(
  owner: Element,
  selector: string,
  type: abstract new () => T = HTMLElement as unknown as abstract new () => T,
  root: ParentNode = owner,
): T {
  const el = root.querySelector(selector);
  if (!el) throw new ElementError(`${tagOf(owner)}: no element matches ${selector} inside it; the page markup and the script disagree`);
  if (!(el instanceof type)) throw new ElementError(`${tagOf(owner)}: ${selector} is a <${el.localName}>, expected a ${type.name}`);
  return el;
}

/** A config value that failed its check: `field` is its path (`defaults.ssd.pricePerTB`). */
export class ConfigError extends ElementError {
  constructor(owner: Element, field: string, expected: string, got: unknown) {
    const shown = got === undefined ? 'nothing' : JSON.stringify(got)?.slice(0, 60) ?? String(got);
    super(`${tagOf(owner)}: bad data-config: ${field} must be ${expected}, got ${shown}`);
  }
}

/** Reads `data-config` as JSON; the element's own `check` then narrows it to its type. */
export function readConfig<T>(owner: HTMLElement, check: (raw: unknown, fail: (field: string, expected: string, got: unknown) => never) => T): T {
  const text = owner.dataset.config;
  const fail = (field: string, expected: string, got: unknown): never => { throw new ConfigError(owner, field, expected, got); };
  if (text === undefined) fail('data-config', 'a JSON attribute on the element', undefined);
  let raw: unknown;
  try {
    raw = JSON.parse(text as string);
  } catch (e) {
    throw new ConfigError(owner, 'data-config', `JSON (${(e as Error).message})`, text);
  }
  return check(raw, fail);
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The element could not start: logs the error (console.error, naming the element and what is
 * wrong), marks it `data-error` and shows one line at its top. Everything the server rendered
 * stays, so the page reads as it does without JavaScript.
 */
export function failVisibly(owner: HTMLElement, error: unknown, what: string): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message);
  owner.dataset.error = message;
  const note = document.createElement('p');
  note.className = 'fk-error no-print';
  note.setAttribute('role', 'alert');
  note.textContent = `${what} could not start (${message}). The figures shown are the ones the site was built with.`;
  owner.prepend(note);
}

/**
 * The shape every Fieldkit element shares: `start()` runs once, on the first connection (moving
 * the element does not start it again), and whatever it throws, or rejects with, is shown on the
 * element by `failVisibly`, named by `what` ("The calculator could not start (…)").
 */
export abstract class EnhancedElement extends HTMLElement {
  #started = false;
  protected abstract readonly what: string;
  protected abstract start(): void | Promise<void>;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    try {
      const running = this.start();
      if (running instanceof Promise) running.catch((e: unknown) => failVisibly(this, e, this.what));
    } catch (e) {
      failVisibly(this, e, this.what);
    }
  }
}

/** Registers a custom element once (a module loaded twice must not throw on define). */
export function defineElement(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
