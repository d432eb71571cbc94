// Saving a stream to disk as it is made (issue 18 item 1), so a large save needs no memory of its
// size. In order of preference:
//  1. the save worker (js/save-worker.js, a service worker on our origin): the page navigates to a
//     one-time /js/save/<id>/<name> address, which the worker answers with an attachment (the
//     page stays) whose body asks the page for one chunk after another as the browser's download
//     writes them to disk, so the zip is made at the disk's pace;
//  2. showSaveFilePicker, where a browser has it and no service worker runs (the stream is piped
//     into the chosen file);
//  3. a Blob (the browser's blob storage holds the whole), fine for small saves and the last resort.
// The bytes never leave the browser. A stream that errors aborts the save: the download is marked
// failed (the response errors), the picked file is discarded (the writable aborts), so a part
// never passes for the whole.

const WORKER = '/js/save-worker.js';
const SCOPE = '/js/save/';
const PING_MS = 10 * 1000;
const ANSWER_MS = 10 * 1000;

let worker = null;

/** The active save worker, registered once per page; null where service workers are unavailable. */
export function saveWorker() {
  if (worker === null) {
    worker = register().catch(() => null);
  }
  return worker;
}

async function register() {
  if (!globalThis.isSecureContext || !navigator.serviceWorker || typeof MessageChannel !== 'function') {
    return null;
  }
  const registration = await navigator.serviceWorker.register(WORKER, { scope: SCOPE });
  const candidate = registration.installing || registration.waiting || registration.active;
  if (candidate.state !== 'activated') {
    await new Promise((resolve, reject) => {
      candidate.addEventListener('statechange', () => {
        if (candidate.state === 'activated') {
          resolve();
        } else if (candidate.state === 'redundant') {
          reject(new Error('save worker redundant')); // i18n-ignore: never shown
        }
      });
    });
  }
  return registration.active;
}

/**
 * Saves {@code stream} as {@code name} ({@code size} bytes when known, else null); {@code onBytes}
 * hears the bytes handed on so far. Resolves when the last byte is handed to the download (or
 * written to the picked file); rejects when the stream errors or the save is cancelled.
 */
export async function saveStream(stream, { name, size = null, type = 'application/octet-stream', onBytes = () => {} }) {
  let handed = 0;
  const counter = new TransformStream({
    transform(chunk, controller) {
      handed += chunk.length;
      onBytes(handed);
      controller.enqueue(chunk);
    },
  });
  const sw = await saveWorker();
  if (sw !== null) {
    await toWorker(sw, stream, counter, name, size);
    return;
  }
  if (typeof globalThis.showSaveFilePicker === 'function') {
    let handle;
    try {
      handle = await globalThis.showSaveFilePicker({ suggestedName: name });
    } catch (e) {
      if (e.name === 'AbortError') { // i18n-ignore: an exception's name
        throw e; // the person closed the dialog: nothing saved
      }
      handle = null; // no user activation left, or not allowed here: the Blob below
    }
    if (handle !== null) {
      await stream.pipeThrough(counter).pipeTo(await handle.createWritable());
      return;
    }
  }
  const blob = await new Response(stream.pipeThrough(counter)).blob();
  click(URL.createObjectURL(new Blob([blob], { type })), name, true);
}

/**
 * Hands the stream to the worker through a MessagePort: the worker asks for each chunk and gets
 * its buffer transferred, not copied (a transferred ReadableStream would copy every chunk twice),
 * so memory holds a few chunks however large the save. Then starts the download.
 */
async function toWorker(sw, stream, counter, name, size) {
  const id = crypto.randomUUID();
  const { port1: port, port2 } = new MessageChannel();
  const reader = stream.pipeThrough(counter).getReader();
  let answered;
  const ready = new Promise((resolve) => {
    answered = resolve;
  });
  const finished = new Promise((resolve, reject) => {
    port.onmessage = async ({ data }) => {
      if (data.ready === id) {
        answered(true);
      } else if (data.cancel) {
        reader.cancel().catch(() => {});
        reject(new Error('save cancelled')); // i18n-ignore: never shown
      } else if (data.pull) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            port.postMessage({ done: true });
            resolve();
            return;
          }
          const chunk = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : value.slice();
          port.postMessage({ chunk: chunk.buffer }, [chunk.buffer]);
        } catch (error) {
          port.postMessage({ failed: true }); // the worker errors the download: it is marked failed
          reject(error);
        }
      }
    };
  });
  finished.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  sw.postMessage({ id, name, size }, [port2]);
  const timeout = new Promise((resolve) => setTimeout(() => resolve(false), ANSWER_MS));
  if (!await Promise.race([ready, timeout])) {
    reader.cancel().catch(() => {});
    throw new Error('save worker did not answer'); // i18n-ignore: never shown
  }
  const ping = setInterval(() => sw.postMessage({ ping: true }), PING_MS); // keeps the worker alive
  try {
    // a navigation, which the worker's scope catches (an <a download> click bypasses service
    // workers); the attachment it answers leaves this page where it is
    location.assign(SCOPE + id + '/' + encodeURIComponent(name));
    await finished;
  } finally {
    clearInterval(ping);
    port.close();
  }
  return true;
}

function click(href, name, revoke) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  if (revoke) {
    setTimeout(() => URL.revokeObjectURL(href), 60 * 1000);
  }
}
