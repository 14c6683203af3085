// Drafts live on the server, one per process key (PUT/GET/DELETE /api/definitions/{key}/draft), until the key is
// deployed: a procedure half-edited on one machine opens on another.
import { api, ApiError } from '../shared/api.js';

const draftUrl = key => `/api/definitions/${encodeURIComponent(key)}/draft`;

/** Stores xml as the draft of key; baseVersion is the deployed version it was opened from, if any. */
export function saveDraft(key, xml, baseVersion) {
  const query = baseVersion ? `?baseVersion=${encodeURIComponent(baseVersion)}` : '';
  return api(`${draftUrl(key)}${query}`, { method: 'PUT', body: xml, headers: { 'Content-Type': 'application/xml' } });
}

/** The draft of key ({ key, xml, baseVersion, savedBy, savedAt }), or null when there is none. */
export async function loadDraft(key) {
  try {
    return await api(draftUrl(key));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

export function discardDraft(key) {
  return api(draftUrl(key), { method: 'DELETE' });
}

/** Every draft, newest first, without its XML. */
export function listDrafts() {
  return api('/api/definitions/drafts');
}
