// The service worker: precaches this version's files (named by content hash)
// so the app opens with no network at all, and answers from that cache.
// Requests to the relay's API (/v1/...) always go to the network and are
// never cached: nothing about a resident is ever kept here.
const VERSION = "@VERSION@";
const CACHE = `connect-${VERSION}`;
const FILES = @FILES@;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
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

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/v1/") || url.pathname === "/healthz" || url.pathname === "/metrics") return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const key = request.mode === "navigate" ? "./" : request;
      // Every file has its own path; a query (`?demo`) does not change it.
      const hit = await cache.match(key, { ignoreSearch: true });
      return hit || fetch(request);
    })(),
  );
});
