// Every page's text in Chinese (the default) and English. The server picks the language (?lang=, the nc.lang
// cookie, the account's language claim, else zh-CN) and writes it into <html lang>; pages read it from there.
import { messages } from './messages.js';

export const languages = [
  { code: 'zh-CN', name: '中文' },
  { code: 'en', name: 'English' }
];

export function currentLanguage() {
  const lang = document.documentElement.lang;
  return messages[lang] ? lang : 'zh-CN';
}

/** The message for key in the page's language, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = messages[currentLanguage()][key] ?? messages['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** Fills every [data-i18n] element's text (and [data-i18n-attr="attr:key"] attributes) under root. */
export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [ attr, key ] = pair.split(':');
      el.setAttribute(attr, t(key));
    }
  }
}

/** Remembers the choice for a year (the server reads the cookie) and reloads the page in that language. */
export function switchLanguage(code) {
  document.cookie = `nc.lang=${encodeURIComponent(code)}; path=/; max-age=31536000; samesite=strict`;
  try {
    localStorage.setItem('nc.lang', code);
  } catch {
    // Private windows may refuse storage; the cookie is what counts.
  }
  const url = new URL(location.href);
  url.searchParams.delete('lang');
  location.replace(url);
}
