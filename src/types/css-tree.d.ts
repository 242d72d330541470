/** The part of css-tree (no bundled types) the leak test uses: its tokenizer and string/url decoders. */
declare module 'css-tree' {
  export const tokenTypes: Record<'String' | 'Url' | 'Comment' | 'Function' | 'WhiteSpace', number>;
  export function tokenize(source: string, onToken: (type: number, start: number, end: number) => void): void;
  export const string: { decode(raw: string): string };
  export const url: { decode(raw: string): string };
}
