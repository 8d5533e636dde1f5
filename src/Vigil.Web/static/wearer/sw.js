// The wearer app's service worker: caches the app shell only (HTML, script, styles, icon) so that the app opens
// without a network; every API call goes to the network and is never cached (personal data stays on the server).
const shell = "vigil-wearer-shell-v1";
const files = ["/wearer/", "/wearer/index.html", "/wearer/app.js", "/styles.css", "/vendor/leaflet.css", "/icon.svg", "/wearer/manifest.webmanifest"];

self.addEventListener("install", event => {
  event.waitUntil(caches.open(shell).then(cache => cache.addAll(files)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", event => {
  event.waitUntil(caches.keys().then(keys => Promise.all(keys.filter(k => k !== shell).map(k => caches.delete(k)))).then(() => self.clients.claim()));
});

self.addEventListener("fetch", event => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || !files.includes(url.pathname)) return;
  // Network first, so a new version shows at once; the cached shell when offline.
  event.respondWith(fetch(event.request).then(response => {
    const copy = response.clone();
    void caches.open(shell).then(cache => cache.put(event.request, copy));
    return response;
  }).catch(() => caches.match(event.request).then(r => r ?? Response.error())));
});
