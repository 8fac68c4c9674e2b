// Keeps the site usable offline with the last content seen: every GET of our own origin goes to
// the network first and falls back to the last good copy; content-hashed files (which never
// change) come from the cache first. The event stream passes untouched: it never ends, so it can
// neither be cached nor waited for. Two kinds of screens use it:
// - the lobby kiosk, a single-page app (`/kiosk`, and the editor's previews at `/preview`): its
//   shell and hashed files are one build, kept whole (APP); an address of it opened offline gets
//   the kept shell; its API answers are kept in API;
// - a family's phone or PC, whose pages the server renders: the pages last seen are kept (PAGES,
//   with the files they load), and a page opened offline is its last copy, which its island
//   dates ("Dernière mise à jour : 14:32").
//
// What is kept must be right and bounded:
// - only a 2xx answer of the type its address calls for (a wasm file as application/wasm, a page
//   as HTML, the API as JSON, a calendar or a QR code's SVG): never an error page under a file's name;
// - the kiosk's build (the shell and its hashed files, in APP) changes only once the new build is
//   whole in the cache, and only then are the old build's files deleted;
// - the API's answers (one per day and week asked) in a cache of their own, the least recently
//   stored beyond API_ENTRIES dropped; the pages likewise beyond PAGE_ENTRIES, and with them the
//   files no kept page loads any more;
// - photos (`/photos/…`) in PHOTOS, beyond PHOTO_ENTRIES the oldest dropped: asked of the server
//   first (it alone says who may see one), the copy only offline. A photo removed, or whose
//   consent was narrowed, leaves the cache: when the server answers 404 for it, and when the list
//   of photos this screen may see (`/api/v1/photos`) no longer has it, asked again after every
//   content change the screen fetches (a change is heard within seconds, and the pages fetch).
//   The photos a staff page shows (the editor, a print) are never kept.
const APP = 'plantzette-app';
const API = 'plantzette-api';
const PAGES = 'plantzette-pages';
const PHOTOS = 'plantzette-photos';
const PHOTO_ENTRIES = 120;
const PHOTO = /^\/photos\/([0-9a-f]{16})-\d+\.(webp|jpg)$/;
const API_ENTRIES = 64;
const PAGE_ENTRIES = 32;
const SHELL = '/kiosk';
// The kiosk's addresses, which its shell serves.
const KIOSK = /^\/(kiosk|preview)(\/|$)/;
// Content hashes: Trunk's, a 64-bit number in hex without its leading zeros (8 to 16 digits),
// and the islands' (16 digits).
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
// A server that does not answer at all (a hung connection, a dead access point) must not hold
// the screen empty: after this long the last copy is shown. A late answer is kept, and if it
// differs from the copy shown, the pages are told to fetch again ('fresher' message).
const PATIENCE_MS = 2000;
// Never kept here: the staff editor and the staff API, private and to be current; the alarm,
// never to be shown from an old copy; a sign-up's private link and the forms (personal data,
// and the places left, a count to be current); the language switch; and the printed documents.
const NOT_KEPT = /^\/(gestion|print|sign-ups?|registrations?|short-stay-requests|language|api\/v1\/(staff|session|users|alarm|sign-ups?))(\/|$)/;
const TYPES = [
  [/\.wasm$/, /^application\/wasm/],
  [/\.m?js$/, /^(text|application)\/javascript/],
  [/\.css$/, /^text\/css/],
  [/\.woff2$/, /^font\/woff2/],
  [/\.(json|webmanifest)$/, /^application\/(manifest\+)?json/],
  [/\.svg$/, /^image\/svg\+xml/],
  [/\.png$/, /^image\/png/],
  [/\.webp$/, /^image\/webp/],
  [/\.jpg$/, /^image\/jpeg/],
  [/\.ics$/, /^text\/calendar/],
  // The kiosk's QR codes of sign-up forms, kept so that an offline kiosk still shows them.
  [/^\/api\/v1\/qr\//, /^image\/svg\+xml/],
  [/^\/api\//, /^(application\/json|text\/calendar)/],
];

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(
  // The single cache of earlier versions held everything together, unbounded.
  caches.delete('plantzette').then(() => self.clients.claim()),
));

// A kiosk that heard of a new build (the event stream names the one the server serves) asks for
// it to be made ready: its shell and every file kept, the old build's files deleted, then the
// kiosk is told 'build-ready' and switches at its next idle moment, from this cache, without
// waiting for the network.
self.addEventListener('message', (event) => {
  if (event.data !== 'prepare-build') return;
  event.waitUntil(fetch(SHELL, { cache: 'no-store' })
    .then(async (shell) => {
      const html = shell.ok && (shell.headers.get('content-type') ?? '').startsWith('text/html');
      if (html && await adoptBuild(shell)) event.source?.postMessage('build-ready');
    })
    .catch(() => {}));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.headers.get('accept') === 'text/event-stream' || NOT_KEPT.test(url.pathname)) return;
  if (PHOTO.test(url.pathname)) return event.respondWith(photo(event));
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(event));
});

/** A photo: the server's answer (a 404 drops the copy), the copy when there is none. */
async function photo(event) {
  const request = event.request;
  // A staff page's photos (the editor's, a print's) pass through: a staff PC keeps none, so
  // that nothing of the home's in-house photos stays readable there once its session ends.
  const client = event.clientId ? await self.clients.get(event.clientId) : null;
  if (client && NOT_KEPT.test(new URL(client.url).pathname)) return fetch(request);
  const cache = await caches.open(PHOTOS);
  try {
    const response = await fetch(request);
    if (keepable(request, response)) event.waitUntil(keepPhoto(cache, request, response.clone()));
    else if (response.status === 404) event.waitUntil(cache.delete(request));
    return response;
  } catch (offline) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw offline;
  }
}

async function keepPhoto(cache, request, response) {
  await cache.delete(request);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - PHOTO_ENTRIES))) await cache.delete(old);
}

/** Drops the kept photos this screen may no longer see. Runs after the content a screen shows
 * came from the network; one at a time, and once more if asked meanwhile. */
let pruning = null;
let pruneAgain = false;
let listTag = null;
function prunePhotos() {
  if (pruning) {
    pruneAgain = true;
    return pruning;
  }
  pruning = (async () => {
    do {
      pruneAgain = false;
      const cache = await caches.open(PHOTOS);
      const kept = await cache.keys();
      if (kept.length === 0) continue;
      // Asked with the tag of the list last read: unchanged, it is a 304 and nothing to do.
      const headers = listTag ? { 'if-none-match': listTag } : {};
      const answer = await fetch('/api/v1/photos', { cache: 'no-store', headers }).catch(() => null);
      if (!answer?.ok) continue;
      listTag = answer.headers.get('etag');
      const seen = new Set((await answer.json()).map((photo) => photo.hash));
      for (const key of kept) {
        const hash = new URL(key.url).pathname.match(PHOTO)?.[1];
        if (!seen.has(hash)) await cache.delete(key);
      }
    } while (pruneAgain);
  })().finally(() => { pruning = null; });
  return pruning;
}

/** Whether an answer is content a screen shows, after which its photos are checked. */
function isContent(request, response) {
  const path = new URL(request.url).pathname;
  return response.ok && (kindOf(request) === 'page' || (path.startsWith('/api/v1/') && !path.startsWith('/api/v1/photos')));
}

/** What a request asks for: a kiosk's address, a family's page (opened, or fetched again by its
 * island, which asks for HTML), or anything else (a file, the API). */
function kindOf(request) {
  const path = new URL(request.url).pathname;
  if (KIOSK.test(path)) return request.mode === 'navigate' ? 'kiosk' : 'other';
  const html = request.mode === 'navigate' || (request.headers.get('accept') ?? '').startsWith('text/html');
  return html && !path.split('/').pop().includes('.') ? 'page' : 'other';
}

/** Whether an answer may be kept: a success of the type its address calls for. */
function keepable(request, response) {
  if (response.status < 200 || response.status > 299 || response.type !== 'basic') return false;
  const type = response.headers.get('content-type') ?? '';
  if (kindOf(request) !== 'other') return type.startsWith('text/html');
  const path = new URL(request.url).pathname;
  const expected = TYPES.find(([address]) => address.test(path));
  return expected ? expected[1].test(type) : true;
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  // Kept with the pages (the kiosk's build goes to APP whole, when its shell is adopted).
  if (keepable(request, response)) await (await caches.open(PAGES)).put(request, response.clone());
  return response;
}

async function networkFirst(event) {
  const request = event.request;
  const fromNetwork = fetch(request).then(async (response) => {
    // Kept in the background: a new build's files are fetched before its shell is kept, and
    // the page need not wait for that.
    if (keepable(request, response)) event.waitUntil(keep(request, response.clone()).catch(() => {}));
    if (isContent(request, response)) event.waitUntil(prunePhotos().catch(() => {}));
    return response;
  });
  try {
    const first = await Promise.race([fromNetwork, new Promise((resolve) => setTimeout(resolve, PATIENCE_MS))]);
    if (first) return first;
    const cached = await kept(request);
    if (!cached) return await fromNetwork;
    event.waitUntil(fromNetwork.then((late) => late.ok && late.headers.get('etag') !== cached.headers.get('etag') && tellPages('fresher')).catch(() => {}));
    return markedAsCopy(cached);
  } catch (offline) {
    const cached = await kept(request);
    if (cached) return markedAsCopy(cached);
    throw offline;
  }
}

/** The copy kept for a request: an address of the kiosk is its shell; a page its last copy,
 * or, never seen, the home page's. */
async function kept(request) {
  switch (kindOf(request)) {
    case 'kiosk': return caches.match(SHELL, { cacheName: APP });
    case 'page': return (await caches.match(request, { cacheName: PAGES, ignoreVary: true }))
      ?? caches.match('/', { cacheName: PAGES, ignoreVary: true });
    default: return caches.match(request);
  }
}

async function keep(request, response) {
  switch (kindOf(request)) {
    case 'kiosk': return adoptBuild(response);
    case 'page': return keepPage(request, response);
    default:
      if (new URL(request.url).pathname.startsWith('/api/')) return keepAnswer(request, response);
      return (await caches.open(APP)).put(request, response);
  }
}

/** Keeps an API answer as the most recent, and forgets the oldest beyond the bound. */
async function keepAnswer(request, response) {
  const cache = await caches.open(API);
  await cache.delete(request);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - API_ENTRIES))) await cache.delete(old);
}

/** Keeps a page as the most recent, forgets the oldest beyond the bound, and the files that no
 * page kept loads any more (an older build's). */
async function keepPage(request, response) {
  const cache = await caches.open(PAGES);
  const address = new URL(request.url);
  const key = new Request(address.pathname + address.search);
  await cache.delete(key, { ignoreVary: true });
  await cache.put(key, response);
  const keys = await cache.keys();
  const pages = keys.filter((k) => !HASHED.test(new URL(k.url).pathname));
  for (const old of pages.slice(0, Math.max(0, pages.length - PAGE_ENTRIES))) await cache.delete(old, { ignoreVary: true });
  // A page names the islands' start; the glue and the wasm it loads carry the same hash.
  const named = new Set();
  for (const page of pages.slice(-PAGE_ENTRIES)) {
    const copy = await cache.match(page, { ignoreVary: true });
    if (copy) hashedFiles(await copy.text()).forEach((file) => named.add(hashOf(file)));
  }
  for (const file of keys.filter((k) => HASHED.test(new URL(k.url).pathname))) {
    if (!named.has(hashOf(new URL(file.url).pathname))) await cache.delete(file);
  }
}

function hashOf(path) {
  return path.match(HASHED)[0].replace(/^-|(_bg)?\.\w+$/g, '');
}

/**
 * A shell fresh from the server: if it names other hashed files than the kept one, fetch them
 * all first; only when every one is kept does the new shell replace the old, and only then are
 * the files no shell names any more deleted. A build that cannot be completed (the server went
 * away mid-way, a file missing) leaves the old build whole. Says whether the build is kept whole.
 */
async function adoptBuild(response) {
  const cache = await caches.open(APP);
  const html = await response.clone().text();
  const files = hashedFiles(html);
  for (const file of files) {
    if (await cache.match(file)) continue;
    const request = new Request(file);
    const answer = await fetch(request).catch(() => null);
    if (!answer || !keepable(request, answer)) return false;
    await cache.put(request, answer);
  }
  await cache.put(SHELL, response);
  for (const key of await cache.keys()) {
    const path = new URL(key.url).pathname;
    if (HASHED.test(path) && !files.includes(path)) await cache.delete(key);
  }
  return true;
}

/** The content-hashed files a page names: Trunk's script, wasm and style sheet, the islands'. */
function hashedFiles(html) {
  const names = html.match(/\/[\w./-]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)/g) ?? [];
  return [...new Set(names)];
}

async function tellPages(message) {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

// A screen tells content from the network from this copy, to say how old what it shows is.
function markedAsCopy(cached) {
  const headers = new Headers(cached.headers);
  headers.set('x-plantzette-copy', '1');
  return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
}
