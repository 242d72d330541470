/**
 * Sets scalar values in a YAML file's text without re-serialising it: only the changed values are
 * replaced (or missing keys appended), so comments, folded text and key order stay as written.
 * Pure: text in, text out.
 */
import { isMap, isScalar, parseDocument, stringify, type Node } from 'yaml';

export interface ScalarEdit {
  path: string[];
  value: string | number;
}

const scalarText = (v: string | number) => stringify(v, { lineWidth: 0 }).trimEnd();

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function applyOne(text: string, edit: ScalarEdit): string {
  const doc = parseDocument(text);
  const node = doc.getIn(edit.path, true) as Node | undefined;
  if (node && isScalar(node) && node.range) {
    const [start, end] = node.range;
    return text.slice(0, start) + scalarText(edit.value) + text.slice(end);
  }
  if (node) throw new Error(`${edit.path.join('.')} is not a plain value`);
  // The deepest map on the path that exists; the rest of the path is written under it.
  let depth = edit.path.length - 1;
  let parent: Node | undefined;
  for (; depth > 0; depth--) {
    parent = doc.getIn(edit.path.slice(0, depth), true) as Node | undefined;
    if (parent) break;
  }
  const rest = edit.path.slice(depth);
  let block = rest.reduceRight<unknown>((acc, key) => ({ [key]: acc }), edit.value);
  if (depth === 0 || !parent) {
    const body = text.endsWith('\n') || text === '' ? text : `${text}\n`;
    return body + stringify(block, { lineWidth: 0 });
  }
  if (!isMap(parent) || parent.flow || !parent.items.length || !parent.range) throw new Error(`${edit.path.slice(0, depth).join('.')} is not a block map`);
  const firstKey = parent.items[0]!.key as Node;
  const indent = firstKey.range![0] - lineStart(text, firstKey.range![0]);
  block = stringify(block, { lineWidth: 0 }).split('\n').filter(Boolean).map((l) => ' '.repeat(indent) + l).join('\n') + '\n';
  // After the map's last value, at the start of the next line.
  const lastEnd = parent.range[1];
  const at = text.indexOf('\n', lastEnd - 1) === -1 ? text.length : text.indexOf('\n', lastEnd - 1) + 1;
  const before = text.slice(0, at);
  return (before.endsWith('\n') ? before : `${before}\n`) + block + text.slice(at);
}

export function setYamlScalars(text: string, edits: readonly ScalarEdit[]): string {
  return edits.reduce(applyOne, text);
}
