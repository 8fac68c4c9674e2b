// Keeps the app usable offline with the last content seen: every GET of our own origin goes to
// the network first and falls back to the last good copy; content-hashed files (which never
// change) come from the cache first. A deep link opened offline gets the cached app shell.
const CACHE = 'plantzette';
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
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

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
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
