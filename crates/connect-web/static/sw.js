// The service worker: precaches this version's files so the app opens with
// no network at all, and answers from that cache. Requests to the relay's API
// (/v1/...) always go to the network and are never cached: nothing about a
// resident is ever kept here.
//
// Nothing is downloaded twice. FILES gives each file's content hash (the
// start of its SHA-256, as scripts/build-web wrote it), and each file is
// cached under `path?v=hash`. Installing a version takes a file, in order:
// from an older version's cache, if its hash is there (an update downloads
// only what changed); else from the browser's HTTP cache, where the first
// visit's page has just put it (app.js registers this worker only once the
// app has loaded); else from the network. Whatever it takes must have the
// hash FILES gives, or the install fails and the browser tries again later:
// a relay updated halfway through cannot leave a mix of versions here.
// The cache keeps each response as the network gave it (compressed on the
// wire, kept decoded, with its headers).
const VERSION = "@VERSION@";
const CACHE = `connect-${VERSION}`;
const FILES = @FILES@;

/** The start of `response`'s SHA-256 in hex, as long as `hash`. */
async function hashOf(response, hash) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("").slice(0, hash.length);
}

/** This version's copy of `path`, downloading it only when no cache has it. */
async function take(path, hash, older) {
  const key = `${path}?v=${hash}`;
  for (const cache of older) {
    const kept = await cache.match(key);
    if (kept) return [key, kept];
  }
  for (const mode of ["force-cache", "reload"]) {
    const response = await fetch(path, { cache: mode });
    if (response.ok && (await hashOf(response, hash)) === hash) return [key, response];
  }
  throw new Error(`${path} on the relay is not version ${VERSION}'s`);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith("connect-") && n !== CACHE);
      const older = await Promise.all(names.map((n) => caches.open(n)));
      const taken = await Promise.all(Object.entries(FILES).map(([path, hash]) => take(path, hash, older)));
      // Written only once every file is in hand: a cache is this version whole, or nothing.
      const cache = await caches.open(CACHE);
      await Promise.all(taken.map(([key, response]) => cache.put(key, response)));
    })(),
  );
  // No skipWaiting here: a new version waits until the person reloads.
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("connect-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

/** This version's cache, opened once per worker start. */
let opened;

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/v1/") || url.pathname === "/healthz" || url.pathname === "/metrics") return;
  // Every page of the app is index.html; every file has its own path, and a
  // query (`?demo`) does not change it. The key is exact: no search of the cache.
  const path = request.mode === "navigate" ? "./" : url.pathname.slice(1);
  const hash = FILES[path];
  if (!hash) return;
  event.respondWith(
    (async () => {
      opened ??= caches.open(CACHE);
      const hit = await (await opened).match(`${path}?v=${hash}`);
      return hit || fetch(request);
    })(),
  );
});
