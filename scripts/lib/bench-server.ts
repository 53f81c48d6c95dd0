/**
 * A static server for the built site that compresses like a typical static host (gzip for text
 * when the browser accepts it; Pagefind's own files are already compressed and go as they are)
 * and logs every response with the bytes it put on the wire, headers included, so a benchmark can
 * count what a page load or a search really transferred, service-worker traffic included.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentType } from '../../tests/browser/static-server.ts';

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

export interface BenchServer {
  url: string;
  log: LoggedResponse[];
  close: () => Promise<void>;
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml|manifest\+json|rss\+xml)|image\/svg)/;

async function fileFor(root: string, pathname: string): Promise<string | null> {
  const path = resolve(root, `.${pathname}`);
  if (path !== root && !path.startsWith(root + sep)) return null;
  const stats = await stat(path).catch(() => null);
  if (stats?.isFile()) return path;
  if (stats?.isDirectory() && pathname.endsWith('/')) {
    const index = join(path, 'index.html');
    if ((await stat(index).catch(() => null))?.isFile()) return index;
  }
  return null;
}

function refererPath(request: IncomingMessage): string | null {
  try {
    return request.headers.referer ? new URL(request.headers.referer).pathname : null;
  } catch {
    return null;
  }
}

export async function startBenchServer(distDirectory: string): Promise<BenchServer> {
  const root = resolve(distDirectory);
  const started = performance.now();
  const log: LoggedResponse[] = [];
  const gzipCache = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const socket = request.socket;
    const before = socket.bytesWritten;
    const entry: LoggedResponse = { path: request.url ?? '/', status: 0, wireBytes: 0, gzip: false, referer: refererPath(request), atMs: performance.now() - started };
    response.on('finish', () => {
      entry.status = response.statusCode;
      entry.wireBytes = socket.bytesWritten - before;
      log.push(entry);
    });
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let pathname = '/';
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        // Served as not found below.
      }
      const stats = await stat(resolve(root, `.${pathname}`)).catch(() => null);
      if (stats?.isDirectory() && !pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const file = await fileFor(root, pathname);
      const status = file ? 200 : 404;
      const path = file ?? join(root, '404.html');
      const type = contentType(path);
      let body: Buffer = await readFile(path).catch(() => Buffer.from('Not found'));
      const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (gzip) {
        const cached = gzipCache.get(path);
        body = cached ?? gzipSync(body);
        if (!cached) gzipCache.set(path, body);
      }
      entry.gzip = gzip;
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
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
