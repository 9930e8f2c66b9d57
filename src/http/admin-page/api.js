/* global sessionStorage, fetch, XMLHttpRequest, FormData */
/**
 * Talking to /admin/api: the token (kept in sessionStorage, so it is gone when the tab closes), JSON calls, and
 * the upload with progress (XMLHttpRequest, because fetch reports no upload progress).
 */

const TOKEN_KEY = 'admin-token';
const NAME_KEY = 'admin-name';

/** The stored token, or null. */
export const token = () => sessionStorage.getItem(TOKEN_KEY);

/** Remembers the token and the optional name for this tab. */
export function login(value, name) {
  sessionStorage.setItem(TOKEN_KEY, value);
  if (name) sessionStorage.setItem(NAME_KEY, name);
  else sessionStorage.removeItem(NAME_KEY);
}

/** Forgets the token. */
export function logout() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(NAME_KEY);
}

/** An API failure: `status`, `code` and the Vietnamese message for the page. */
export class ApiFailure extends Error {
  constructor(status, body) {
    const error = body?.error ?? {};
    super(error.message_vi ?? `Lỗi ${status}`);
    this.status = status;
    this.code = error.code ?? 'unknown';
  }
}

function headers(extra = {}) {
  const out = { authorization: `Bearer ${token() ?? ''}`, ...extra };
  const name = sessionStorage.getItem(NAME_KEY);
  if (name) out['x-admin-name'] = encodeURIComponent(name);
  return out;
}

/** Calls the admin API; resolves with the JSON body or rejects with an ApiFailure. */
export async function call(method, path, body) {
  const init = { method, headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`/admin/api${path}`, init);
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new ApiFailure(res.status, json);
  return json;
}

/** Fetches a file from the admin API: its bytes and the name the server gives it. */
export async function download(path) {
  const res = await fetch(`/admin/api${path}`, { headers: headers() });
  if (!res.ok) throw new ApiFailure(res.status, await res.json().catch(() => null));
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  return { blob: await res.blob(), name: encoded ? decodeURIComponent(encoded) : 'de-cuong.docx' };
}

/** Uploads a file as multipart `file`; `onProgress(percent)` follows the upload. */
export function uploadFile(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/admin/api/documents');
    for (const [key, value] of Object.entries(headers())) xhr.setRequestHeader(key, value);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response);
      else reject(new ApiFailure(xhr.status, xhr.response));
    });
    xhr.addEventListener('error', () => reject(new ApiFailure(0, { error: { message_vi: 'Mất kết nối tới máy chủ' } })));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
