/**
 * Site configuration: settings of this deployment that are not content. Typed, one object.
 * Pure data: imported by the pure library (src/lib), the site build and the CLI alike.
 */
export interface SiteConfig {
  /**
   * Hosts (exact names, e.g. `images.example.com`) from which prose may show images. Empty by
   * default: the site loads nothing from another site, and a remote `<img>` or `![alt](https://…)`
   * in a Markdown body is dropped from the page and reported by `check` as `unsafe-markup`.
   * Naming a host here lets its http(s) images through (the CSP's `img-src` must name it too).
   */
  remoteImageHosts: string[];
}

export const siteConfig: SiteConfig = {
  remoteImageHosts: [],
};

export default siteConfig;
