/**
 * A tiny static file server for the built site, close enough to a static host for the browser
 * tests: `index.html` for directories, `/x` → `/x/` redirects for directories, the site's own
 * `404.html` (with status 404) for anything else, and the content types Pagefind needs.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

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
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  close: () => Promise<void>;
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

export async function startStaticServer(root: string, host = '127.0.0.1'): Promise<StaticServer> {
  const rootDir = resolve(root);
  const server: Server = createServer((request, response) => {
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
      if (file === null) {
        const notFound = await readFile(join(rootDir, '404.html')).catch(() => Buffer.from('Not found'));
        response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': notFound.length });
        response.end(request.method === 'HEAD' ? undefined : notFound);
        return;
      }
      const size = (await stat(file)).size;
      response.writeHead(200, { 'content-type': contentType(file), 'content-length': size, 'cache-control': 'no-cache' });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).on('error', () => response.destroy()).pipe(response);
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
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
