// A file share's container, made and sent: encrypted segment by segment into a Blob (the browser's
// blob storage holds it, not script memory) and PUT to the share's upload URL with its upload token,
// reporting progress. Used by the create page and by a request answered with files (request.mjs).
import { ApiError, csrfToken } from './api.mjs';
import * as bar from './bar-format.mjs';
import { t } from './i18n.mjs';

/** Encrypted parts are folded into one Blob every so often, so script memory stays small. */
const FOLD_BYTES = 16 << 20;

/** The container as a Blob of encrypted segments: the browser's blob storage holds it, not script memory. */
export async function encrypt(plaintext, keys, onProgress) {
  let blob = new Blob([]);
  let parts = [];
  let pending = 0;
  let done = 0;
  for await (const part of bar.seal(plaintext, keys.contentKey, keys.passwordBound)) {
    parts.push(part);
    pending += part.length;
    done += part.length;
    if (pending >= FOLD_BYTES) {
      blob = new Blob([blob, ...parts]);
      parts = [];
      pending = 0;
    }
    onProgress(done);
  }
  return new Blob([blob, ...parts], { type: 'application/octet-stream' });
}

/**
 * PUT of the container with upload progress. XMLHttpRequest, because fetch can report no upload
 * progress and Chromium streams request bodies only over HTTP/2.
 */
export function upload(url, token, body, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('Authorization', 'Bearer ' + token); // i18n-ignore: header
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = csrfToken();
    if (csrf) {
      xhr.setRequestHeader('X-CSRF-Token', csrf);
    }
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        onProgress(e.loaded);
      }
    });
    xhr.addEventListener('load', () => {
      if (xhr.status === 200) {
        resolve();
        return;
      }
      let problem = {};
      try {
        problem = JSON.parse(xhr.responseText);
      } catch (e) {
        problem = {};
      }
      const retry = parseInt(xhr.getResponseHeader('Retry-After') || '', 10);
      reject(new ApiError(xhr.status, problem, Number.isFinite(retry) ? retry : null));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { detail: t('share.create.upload_interrupted') })));
    xhr.send(body);
  });
}
