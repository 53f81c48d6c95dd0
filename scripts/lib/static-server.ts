/**
 * A small static file server for the built site, close enough to a static host for the browser
 * tests, the benchmark and the screenshots: `index.html` for directories, `/x` → `/x/` redirects
 * for directories, the site's own `404.html` (with status 404) for anything else, and the content
 * types Pagefind needs. With `compress`, it also compresses like a typical static host (gzip for
 * text when the browser accepts it; Pagefind's own files are already compressed and go as they
 * are). Every response is logged with the bytes it put on the wire, headers included, so a
 * benchmark can count what a page load or a search really transferred, service-worker traffic
 * included.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_pages': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface LoggedResponse {
  path: string;
  status: number;
  /** Bytes written to the socket for this response: status line, headers and (compressed) body. */
  wireBytes: number;
  gzip: boolean;
  /** Path of the `Referer` (the page, or `/sw.js` for the service worker's own fetches). */
  referer: string | null;
  atMs: number;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** Every response so far, in the order they finished. */
  log: LoggedResponse[];
  close: () => Promise<void>;
}

export interface StaticServerOptions {
  host?: string;
  /** Gzip text for browsers that accept it, as a static host does. */
  compress?: boolean;
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml|manifest\+json|rss\+xml)|image\/svg)/;

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

function refererPath(request: IncomingMessage): string | null {
  try {
    return request.headers.referer ? new URL(request.headers.referer).pathname : null;
  } catch {
    return null;
  }
}

export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const { host = '127.0.0.1', compress = false } = options;
  const rootDir = resolve(root);
  const started = performance.now();
  const log: LoggedResponse[] = [];
  const gzipCache = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const socket = request.socket;
    const before = socket.bytesWritten;
    const entry: LoggedResponse = {
      path: request.url ?? '/',
      status: 0,
      wireBytes: 0,
      gzip: false,
      referer: refererPath(request),
      atMs: performance.now() - started,
    };
    response.on('finish', () => {
      entry.status = response.statusCode;
      entry.wireBytes = socket.bytesWritten - before;
      log.push(entry);
    });
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        pathname = '\0';
      }
      const path = resolve(rootDir, `.${pathname}`);
      const inside = path === rootDir || path.startsWith(rootDir + sep);
      let file: string | null = null;
      if (inside && !pathname.includes('\0')) {
        const stats = await statOrNull(path);
        if (stats?.isDirectory()) {
          if (!pathname.endsWith('/')) {
            response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
            return;
          }
          if ((await statOrNull(join(path, 'index.html')))?.isFile()) file = join(path, 'index.html');
        } else if (stats?.isFile()) {
          file = path;
        }
      }
      const status = file === null ? 404 : 200;
      const type = file === null ? 'text/html; charset=utf-8' : contentType(file);
      const gzip =
        compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      entry.gzip = gzip;
      if (file !== null && !gzip) {
        const size = (await stat(file)).size;
        response.writeHead(200, { 'content-type': type, 'content-length': size, 'cache-control': 'no-cache' });
        if (request.method === 'HEAD') response.end();
        else
          createReadStream(file)
            .on('error', () => response.destroy())
            .pipe(response);
        return;
      }
      const source = file ?? join(rootDir, '404.html');
      let body: Buffer = await readFile(source).catch(() => Buffer.from('Not found'));
      if (gzip) {
        const cached = gzipCache.get(source);
        body = cached ?? gzipSync(body);
        if (!cached) gzipCache.set(source, body);
      }
      response.writeHead(status, {
        'content-type': type,
        'content-length': body.length,
        'cache-control': 'no-cache',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    log,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
