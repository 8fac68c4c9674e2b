// Keeps the app usable offline with the last content seen: every GET of our own origin goes to
// the network first and falls back to the last good copy; content-hashed files (which never
// change) come from the cache first. A deep link opened offline gets the cached app shell.
// The event stream passes untouched: it never ends, so it can neither be cached nor waited for.
const CACHE = 'plantzette';
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
// A server that does not answer at all (a hung connection, a dead access point) must not hold
// the screen empty: after this long the last copy is shown. A late answer is kept, and if it
// differs from the copy shown, the pages are told to fetch again ('fresher' message).
const PATIENCE_MS = 2000;
// The staff editor and the staff API are private and must be current: never kept here.
const PRIVATE = /^\/(gestion|api\/v1\/(staff|session|users))(\/|$)/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.headers.get('accept') === 'text/event-stream' || PRIVATE.test(url.pathname)) return;
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(event));
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    await forgetOlderBuilds(cache, new URL(request.url).pathname);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(event) {
  const request = event.request;
  const cache = await caches.open(CACHE);
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  try {
    const first = await Promise.race([fromNetwork, new Promise((resolve) => setTimeout(resolve, PATIENCE_MS))]);
    if (first) return first;
    const cached = await cache.match(request);
    if (!cached) return await fromNetwork;
    event.waitUntil(fromNetwork.then((late) => late.ok && late.headers.get('etag') !== cached.headers.get('etag') && tellPages('fresher')).catch(() => {}));
    return markedAsCopy(cached);
  } catch (offline) {
    const cached = await cache.match(request);
    if (cached) return markedAsCopy(cached);
    if (request.mode === 'navigate') {
      const shell = await cache.match('/');
      if (shell) return shell;
    }
    throw offline;
  }
}

async function tellPages(message) {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

// The app tells content from the network from this copy, to say how old what it shows is.
function markedAsCopy(cached) {
  const headers = new Headers(cached.headers);
  headers.set('x-plantzette-copy', '1');
  return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
}

// A new build's files replace the old build's, so the cache does not grow with each release.
async function forgetOlderBuilds(cache, pathname) {
  const stem = pathname.replace(HASHED, '');
  const suffix = pathname.match(HASHED)[0].replace(/^-[0-9a-f]{16}/, '');
  for (const key of await cache.keys()) {
    const path = new URL(key.url).pathname;
    if (path !== pathname && HASHED.test(path) && path.replace(HASHED, '') === stem && path.endsWith(suffix)) {
      await cache.delete(key);
    }
  }
}
