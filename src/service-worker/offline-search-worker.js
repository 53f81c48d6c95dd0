/*
 * Research Digest service worker: keeps search (and the pages a reader has opened) working
 * offline. Registered by the search page once its first search has shown results. The build fills
 * in the version (a hash of the index) and the list to precache (the search page and every
 * Pagefind file).
 */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `research-digest-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('research-digest-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

/**
 * Pagefind's index files carry a hash of their content in their names (fragments, index and filter
 * chunks, the metadata and its page list): a cached copy is always right, so the cache answers
 * first and a search costs no network at all once the index is copied. Everything else (pages, the
 * unhashed entry file, script, WebAssembly, and the upvotes, whose blocks keep their names when a
 * dump changes a count) is network first, so readers online always see the latest build; the cache
 * answers offline.
 */
const CACHE_FIRST = /^\/pagefind\/(?:(?:fragment|index|filter)\/[^/]+\.pf_(?:fragment|index|filter)|pagefind\.[^/]+\.pf_(?:meta|pages))$/;

function keep(request, response) {
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (CACHE_FIRST.test(url.pathname)) {
    event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request).then((response) => keep(request, response))));
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => keep(request, response))
      .catch(async () => {
        // Pagefind busts caches with `?ts=…` on its entry file; offline, any cached copy will do.
        const ignoreSearch = request.mode === 'navigate' || url.pathname.startsWith('/pagefind/');
        const cached = await caches.match(request, { ignoreSearch });
        if (cached) return cached;
        if (request.mode === 'navigate') return (await caches.match('/offline/')) ?? Response.error();
        return Response.error();
      }),
  );
});
