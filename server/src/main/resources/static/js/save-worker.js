// The save worker (issue 18 item 1): a service worker on BAR's own origin, scope /js/save/, that
// answers a one-time download address with a stream the page hands it, so a large save (the zip
// of a share of several files) goes to disk as it is made instead of through a Blob. The page
// announces a save with a random id and a MessagePort that gives its bytes chunk by chunk when
// asked; the first request for /js/save/<id>/<name> gets them as an attachment, once. The worker fetches nothing and sends nothing anywhere; the bytes pass
// from the page to the browser's download. A stream the page errors (a read that failed) errors
// the response, so the browser marks the download failed instead of complete.
const SCOPE = new URL('./save/', self.location.href).pathname;
const UNCLAIMED_MS = 60 * 1000;
const saves = new Map();

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const data = event.data || {};
  const port = event.ports[0];
  if (data.ping || typeof data.id !== 'string' || !port) {
    return; // a ping only keeps the worker alive while a save runs
  }
  saves.set(data.id, { name: String(data.name || 'download'), size: data.size, stream: fromPort(port) });
  setTimeout(() => {
    const save = saves.get(data.id);
    if (save) {
      saves.delete(data.id);
      save.stream.cancel().catch(() => {});
    }
  }, UNCLAIMED_MS);
  port.postMessage({ ready: data.id });
});

/**
 * The page's bytes as a stream: each pull asks the page for the next chunk, which comes
 * transferred (not copied), so no more than a few chunks are under way at a time.
 */
function fromPort(port) {
  let waiting = null;
  port.onmessage = ({ data }) => {
    const pending = waiting;
    waiting = null;
    if (pending === null) {
      return;
    }
    if (data.chunk instanceof ArrayBuffer) {
      pending.controller.enqueue(new Uint8Array(data.chunk));
    } else if (data.done) {
      pending.controller.close();
      port.close();
    } else {
      pending.controller.error(new Error('the save failed')); // i18n-ignore: the download is marked failed
      port.close();
    }
    pending.resolve();
  };
  return new ReadableStream({
    pull(controller) {
      return new Promise((resolve) => {
        waiting = { controller, resolve };
        port.postMessage({ pull: true });
      });
    },
    cancel() {
      port.postMessage({ cancel: true });
      port.close();
    },
  }, { highWaterMark: 4 });
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) {
    return;
  }
  const id = url.pathname.slice(SCOPE.length).split('/')[0];
  const save = saves.get(id);
  saves.delete(id); // one request per save
  if (!save) {
    // no content: the navigation that asked stays on its page (a used or unknown address)
    event.respondWith(new Response(null, { status: 204 }));
    return;
  }
  const ascii = save.name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const headers = {
    'Content-Type': 'application/octet-stream', // i18n-ignore: header
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(save.name)}`, // i18n-ignore: header
    'X-Content-Type-Options': 'nosniff', // i18n-ignore: header
    'Cache-Control': 'no-store', // i18n-ignore: header
  };
  if (Number.isSafeInteger(save.size) && save.size >= 0) {
    headers['Content-Length'] = String(save.size); // a shorter stream cannot pass for the whole
  }
  event.respondWith(new Response(save.stream, { headers }));
});
