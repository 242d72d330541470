/**
 * A small static file server for `dist/` on loopback: `preview`, `pdf`, `audit` and the browser
 * tests use it. Malformed paths answer 400; nothing outside the served folder is ever read (the
 * path is resolved, symlinks included, and must stay inside the folder).
 */
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createGzip } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml', '.pdf': 'application/pdf', '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
  '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

type Resolved = { kind: 'file'; path: string } | { kind: 'redirect'; location: string } | { kind: 'missing' } | { kind: 'bad' };

/** Inside `root` (after resolving symlinks), or undefined. */
function inside(root: string, path: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  return real === root || real.startsWith(root + sep) ? real : undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Maps a request path to a file of the site: pure path logic plus existence checks, no reads. */
export function resolveRequest(root: string, rawPath: string): Resolved {
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad' }; // malformed percent-encoding
  }
  if (!pathname.startsWith('/') || pathname.includes('\0') || pathname.includes('\\')) return { kind: 'bad' };
  if (pathname.split('/').some((seg) => seg === '..' || seg === '.')) return { kind: 'bad' };
  const target = resolve(root, `.${pathname}`);
  if (target !== root && !target.startsWith(root + sep)) return { kind: 'bad' };
  const real = inside(root, target);
  if (real && statSync(real).isDirectory()) {
    if (!pathname.endsWith('/')) return { kind: 'redirect', location: `${rawPath}/` };
    const index = inside(root, join(real, 'index.html'));
    return index && isFile(index) ? { kind: 'file', path: index } : { kind: 'missing' };
  }
  if (real && isFile(real)) return { kind: 'file', path: real };
  const html = inside(root, `${target}.html`);
  if (html && isFile(html)) return { kind: 'file', path: html };
  return { kind: 'missing' };
}

/**
 * `opts.gzip`: compress text files (HTML, CSS, JS, JSON, SVG, XML) for clients that accept it, as
 * nginx does with `gzip on` and `gzip_types` (used by `audit --gzip`).
 */
export function serveDir(dir: string, port = 0, host = '127.0.0.1', opts: { gzip?: boolean } = {}): Promise<{ server: Server; url: string }> {
  const root = realpathSync(resolve(dir));
  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://x');
    } catch {
      res.writeHead(400, { 'content-type': TYPES['.txt']! }).end('Bad request');
      return;
    }
    // The path as sent: URL parsing would quietly fold `/../` segments that a client should not send.
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0]!;
    const found = resolveRequest(root, rawPath);
    if (found.kind === 'bad') {
      res.writeHead(400, { 'content-type': TYPES['.txt']! }).end('Bad request');
    } else if (found.kind === 'redirect') {
      res.writeHead(301, { location: `${found.location}${url.search}` }).end();
    } else if (found.kind === 'missing') {
      const notFound = inside(root, join(root, '404.html'));
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      if (notFound) createReadStream(notFound).pipe(res);
      else res.end('Not found');
    } else {
      const stream = createReadStream(found.path);
      stream.on('error', () => res.destroy());
      const type = TYPES[extname(found.path)] ?? 'application/octet-stream';
      const gzip = opts.gzip && /^(text\/|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, { 'content-type': type, 'x-content-type-options': 'nosniff', ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}) });
      if (gzip) stream.pipe(createGzip()).pipe(res);
      else stream.pipe(res);
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      ok({ server, url: `http://${host}:${p}` });
    });
  });
}
