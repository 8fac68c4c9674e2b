// The staff API from the test itself, as the editor calls it: a session cookie, the CSRF token,
// and `If-Match` with the item's version on each change.
import { STAFF } from './editor.mjs';

export async function staffApi(server) {
  const login = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(STAFF),
  });
  if (!login.ok) throw new Error(`log in: ${login.status}`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await login.json();
  const call = async (method, path, { version, body } = {}) => {
    const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
    if (version !== undefined) headers['if-match'] = `"${version}"`;
    const response = await fetch(`${server.url}/api/v1/staff/${path}`, { method, headers, body: body && JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  };
  /** Adds a photo of `owner` (`activities/5/2026-12-10`) from `bytes` (a JPEG), as the editor
   * sends it; returns the photo as the server made it. */
  const addPhoto = async (owner, info, bytes) => {
    const form = new FormData();
    form.append('owner', owner);
    form.append('info', JSON.stringify(info));
    form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
    const response = await fetch(`${server.url}/api/v1/staff/photos`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: form });
    if (response.status !== 201) throw new Error(`add a photo: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    addPhoto,
    get: (path) => call('GET', path),
    create: (kind, content) => call('POST', kind, { body: content }),
    remove: (kind, item) => call('DELETE', `${kind}/${item.id}`, { version: item.version }),
    /** PUT to a path with no version of its own (a bed's days). */
    put: (path, body) => call('PUT', path, { body }),
    /** DELETE of a path with no item of its own (the alarm). */
    end: (path) => call('DELETE', path),
    /** Replaces an item (as read from the staff API) with `content`; returns it as saved. */
    replace: (kind, item, content) => call('PUT', `${kind}/${item.id}`, { version: item.version, body: content }),
  };
}

/** An item's content: the item without its id, version and storage dates. */
export function contentOf(item) {
  const { id, version, updated_at: updated, deleted_at: deleted, ...content } = item;
  return content;
}

/** A naive local time ("2026-11-24T10:05") moved by `minutes`, as naive local time. */
export function addMinutes(local, minutes) {
  return new Date(Date.parse(`${local.slice(0, 16)}Z`) + minutes * 60e3).toISOString().slice(0, 16);
}
