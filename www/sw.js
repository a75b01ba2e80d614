// The installable offline app's service worker. sw-manifest.js (written by scripts/build.sh through
// tools/sw-manifest.mjs, never edited by hand) sets YINGJI_BUILD = {version, files}: every file the
// pages need and a hash of their contents. A new build changes sw-manifest.js, the browser installs
// this worker again, it precaches the new files under a new cache name and deletes the old caches.
/* global YINGJI_BUILD */
importScripts('sw-manifest.js');

const PREFIX = 'yingji-';
const CACHE = PREFIX + YINGJI_BUILD.version;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: bypass the HTTP cache so the precache holds exactly this build's files.
      await cache.addAll(YINGJI_BUILD.files.map((f) => new Request(new URL(f, self.location), { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// Cache first for this build's own files (so the page works with no network at all); anything else
// goes to the network as usual.
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      // caches.match with cacheName never creates a cache (caches.open would re-create a deleted one
      // from a worker that is being replaced).
      const hit = await caches.match(req, { cacheName: CACHE, ignoreSearch: true });
      return hit || fetch(req);
    })(),
  );
});
