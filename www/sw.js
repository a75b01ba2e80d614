// The installable offline app's service worker. sw-manifest.js (written by scripts/build.sh through
// tools/sw-manifest.mjs, never edited by hand) sets YINGJI_BUILD = {version, release, files}: every
// file the pages need (both WebAssembly modules — the engine and the import checker — with their
// glue, the page, the web app manifest and its icons) and a hash of their contents. A new build
// changes sw-manifest.js, the browser installs this worker again and it precaches the new files
// under a new cache name, `yingji-<hash>`.
//
// Safe updates: the new worker does NOT take over by itself. It waits until the page (www/status.js)
// shows «有新版本可用» and the user clicks «刷新以更新»: the page posts SKIP_WAITING, the worker
// activates, deletes the old caches and the page reloads on `controllerchange`. Until then the old
// worker keeps answering from the old cache, so a page never gets the engine of one build and the
// lazily loaded import checker of another.
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
      // No skipWaiting() here: see above.
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      // The first install takes the open page at once (there is no other version to mix with); an
      // update reaches this point only after the user asked for it.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  // The page's «刷新以更新» button, sent to the waiting worker.
  if (type === 'SKIP_WAITING') self.skipWaiting();
  // The page asks which build answers it (www/status.js shows the version only when it is its own).
  else if (type === 'VERSION' && event.ports[0]) {
    event.ports[0].postMessage({ version: YINGJI_BUILD.version, release: YINGJI_BUILD.release });
  }
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
