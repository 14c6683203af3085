// The sign-in page: the only page served to anonymous visitors.
import '../shared/base.css';
import './login.css';
import { api, ApiError } from '../shared/api.js';
import { announce, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { languageSwitch } from '../shared/shell.js';

// Only local paths: signing in must never send the user to another site.
function returnUrl() {
  const url = new URLSearchParams(location.search).get('ReturnUrl') || '/';
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/';
}

document.title = `${t('login.title')} · ${t('app.short')}`;
const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, autofocus: true, 'aria-describedby': 'login-status' });
const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'aria-describedby': 'login-status' });
const status = h('p', { id: 'login-status', class: 'status', role: 'alert', hidden: true });
const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));

const form = h('form', { class: 'login-form', novalidate: true, 'aria-labelledby': 'login-title' },
  h('h2', { id: 'login-title' }, t('login.title')),
  h('p', { class: 'intro' }, t('login.intro')),
  status,
  h('div', { class: 'field' }, h('label', { for: 'username' }, t('login.username')), username),
  h('div', { class: 'field' }, h('label', { for: 'password' }, t('login.password')), password),
  submit);

form.addEventListener('submit', async event => {
  event.preventDefault();
  if (!username.value.trim() || !password.value) {
    announce(status, t('login.required'), 'error');
    (username.value.trim() ? password : username).focus();
    return;
  }
  submit.disabled = true;
  submit.textContent = t('login.submitting');
  try {
    await api('/api/auth/login', { method: 'POST', json: { username: username.value.trim(), password: password.value } });
    location.assign(returnUrl());
  } catch (error) {
    const wrong = error instanceof ApiError && (error.status === 401 || error.status === 400);
    const locked = error instanceof ApiError && error.status === 423;
    announce(status, t(locked ? 'login.locked' : wrong ? 'login.error' : 'login.failed'), 'error');
    username.setAttribute('aria-invalid', 'true');
    password.setAttribute('aria-invalid', 'true');
    password.select();
    password.focus();
    submit.disabled = false;
    submit.textContent = t('login.submit');
  }
});

document.body.replaceChildren(
  h('header', { class: 'topbar' }, h('span', { class: 'brand' }, t('app.short')), h('div', { class: 'account' }, languageSwitch())),
  h('main', { id: 'main', class: 'login' },
    h('h1', {}, t('app.name')),
    form));
username.focus();
