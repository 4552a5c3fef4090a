// Đối chiếu's service worker, written into dist/ by scripts/offline with
// this build's name and files. It keeps every file of the build in a cache
// named after the build's content, so that the reader opens offline from the
// second visit on, and a new build never mixes its files with an old one's.
const BUILD = "__BUILD__";
const FILES = __FILES__;
const CACHE = `doichieu-${BUILD}`;
// Packs outlive builds: a new collection's manifest names other files.
const PACKS = "packs-doichieu";

self.addEventListener("install", (event) => {
  // Every file is in the cache before this worker takes over.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  // Other builds' caches go; this build serves the pages already open.
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("doichieu-") && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  // This build's file from the cache, else from the network; a page is
  // found whatever its query (the view is in the fragment, which never
  // reaches the worker).
  const options = { ignoreSearch: request.mode === "navigate" };
  // A collection's packs are named by their content: one fetched once is
  // kept, so that what was read stays readable offline: stored, then
  // answered from the cache, its body is not held twice by the page's process.
  if (new URL(request.url).pathname.includes("/packs/")) {
    event.respondWith(
      caches.open(PACKS).then((cache) =>
        cache.match(request).then(
          (hit) =>
            hit ||
            fetch(request).then((response) =>
              response.ok
                ? cache
                    .put(request, response)
                    .then(() => cache.match(request))
                    .then((kept) => kept || fetch(request))
                    .catch(() => fetch(request))
                : response,
            ),
        ),
      ),
    );
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, options))
      .then((hit) => hit || fetch(request)),
  );
});
