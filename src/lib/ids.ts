/**
 * The one id function: a content file's path relative to its collection folder, without the
 * extension, lower-cased, with forward slashes. `claims/azure/Account-Ingress.yaml` -> `azure/account-ingress`.
 * Used by Astro's glob loader (generateId) and by the CLI so both see the same ids.
 */
export function entryId(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/\.(ya?ml|md|mdx)$/i, '')
    .toLowerCase();
}
