/** Small text helpers shared by pages, reporters and client scripts. Pure. */
import { count } from './numbers.ts';

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** "1 play", "3 plays", "1,200 claims"; `many` for irregular plurals ("2 values moved"). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}

/** A label inside a sentence: "Drive price" → "drive price"; acronyms stay ("SSD price", "AWS"). */
export function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
