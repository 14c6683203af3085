// Drafts live in this browser's localStorage, one per process key, until a drafts API exists on the server.
const prefix = 'nc.designer.draft.';

export function saveDraft(key, xml) {
  const draft = { key, xml, savedAt: new Date().toISOString() };
  localStorage.setItem(prefix + key, JSON.stringify(draft));
  return draft;
}

export function loadDraft(key) {
  const text = localStorage.getItem(prefix + key);
  return text ? JSON.parse(text) : null;
}

export function listDrafts() {
  const drafts = [];
  for (let i = 0; i < localStorage.length; i++) {
    const name = localStorage.key(i);
    if (name?.startsWith(prefix)) {
      try {
        const { key, savedAt } = JSON.parse(localStorage.getItem(name));
        drafts.push({ key, savedAt });
      } catch {
        // A damaged entry is skipped, not fatal.
      }
    }
  }
  return drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}
