// The security part of the profile dialog: changing my password (which ends my other sessions)
// and the list of devices where I am signed in, each of which can be signed out.
// "Sign out everywhere" ends this session too: the caller then shows the sign-in view.

import { api } from './api.js';
import { $, h, act, formatDateTime, timeAgo, toMillis } from './dom.js';

const MIN_PASSWORD = 8;
const MAX_DEVICE = 48;

/**
 * A User-Agent as a short device name: "Firefox on Windows", "Safari on iOS". Anything else (an
 * app, a script) is shown as it is, cut short. The full text stays available as a tooltip.
 */
export function describeDevice(userAgent) {
  const ua = String(userAgent ?? '').trim();
  if (!ua) return 'Unknown device';
  // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", Android says "Linux".
  const browser = /\bEdg(e|A|iOS)?\//.test(ua) ? 'Edge'
    : /\bOPR\/|\bOpera\b/.test(ua) ? 'Opera'
      : /\bFirefox\/|\bFxiOS\//.test(ua) ? 'Firefox'
        : /Chrome\/|\bCriOS\/|\bChromium\//.test(ua) ? 'Chrome'
          : /\bSafari\//.test(ua) && /\bVersion\//.test(ua) ? 'Safari'
            : null;
  const os = /\b(iPhone|iPad|iPod)\b/.test(ua) ? 'iOS'
    : /\bAndroid\b/.test(ua) ? 'Android'
      : /\bCrOS\b/.test(ua) ? 'ChromeOS'
        : /\bWindows\b/.test(ua) ? 'Windows'
          : /\bMac OS X\b|\bMacintosh\b/.test(ua) ? 'macOS'
            : /\bLinux\b/.test(ua) ? 'Linux'
              : null;
  if (browser && os) return `${browser} on ${os}`;
  if (browser || os) return browser || os;
  return ua.length > MAX_DEVICE ? `${ua.slice(0, MAX_DEVICE - 1)}…` : ua;
}

export class SecuritySection {
  #gen = 0; // bumped by open(): answers for an earlier opening are dropped
  #getMe;
  #onSignedOutEverywhere;
  #els = {
    passwordForm: $('#password-form'), username: $('#password-username'),
    current: $('#password-current'), next: $('#password-new'), passwordSave: $('#password-form [type=submit]'),
    passwordError: $('#password-error'), passwordNote: $('#password-note'),
    list: $('#session-list'), revokeOthers: $('#sessions-revoke-others'), revokeAll: $('#sessions-revoke-all'),
  };

  /** getMe() -> the signed-in user; onSignedOutEverywhere(): every session ended, this one too. */
  constructor({ getMe, onSignedOutEverywhere }) {
    this.#getMe = getMe;
    this.#onSignedOutEverywhere = onSignedOutEverywhere;
    const els = this.#els;
    els.passwordForm.addEventListener('submit', (e) => { e.preventDefault(); this.#changePassword(); });
    for (const input of [els.current, els.next]) input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
    els.revokeOthers.addEventListener('click', () => act(els.revokeOthers, async () => {
      await api.revokeAllSessions(true);
      await this.#loadSessions();
    }, 'Could not sign out your other devices'));
    els.revokeAll.addEventListener('click', () => act(els.revokeAll, async () => {
      await api.revokeAllSessions(false);
      this.#onSignedOutEverywhere();
    }, 'Could not sign out everywhere'));
  }

  /** The dialog opened: a clean password form and a fresh list of sessions. */
  open() {
    this.#gen++;
    const els = this.#els;
    els.passwordForm.reset();
    els.username.value = this.#getMe()?.email ?? '';
    this.#showPasswordError(null);
    els.passwordNote.textContent = '';
    els.list.replaceChildren(h('li', { class: 'hint' }, 'Loading…'));
    this.#loadSessions();
  }

  // ---- password ---------------------------------------------------------------------------

  #showPasswordError(message, field) {
    const { passwordError, current, next } = this.#els;
    passwordError.textContent = message ?? '';
    passwordError.hidden = !message;
    current.removeAttribute('aria-invalid');
    next.removeAttribute('aria-invalid');
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  }

  async #changePassword() {
    const { current, next, passwordSave, passwordNote, passwordForm } = this.#els;
    passwordNote.textContent = '';
    if (!current.value) { this.#showPasswordError('Enter your current password.', current); return; }
    if (next.value.length < MIN_PASSWORD) {
      this.#showPasswordError(`The new password needs at least ${MIN_PASSWORD} characters.`, next);
      return;
    }
    this.#showPasswordError(null);
    const gen = this.#gen;
    passwordSave.disabled = true;
    try {
      await api.changePassword(current.value, next.value);
      if (gen !== this.#gen) return;
      passwordForm.reset();
      this.#els.username.value = this.#getMe()?.email ?? '';
      passwordNote.textContent = 'Password changed. Your other devices have been signed out.';
      await this.#loadSessions();
    } catch (e) {
      if (gen !== this.#gen) return;
      // 403: the current password is wrong; 400: the new one is refused (e.g. too short).
      this.#showPasswordError(e.message, e.status === 403 ? current : e.status === 400 ? next : null);
    } finally {
      passwordSave.disabled = false;
    }
  }

  // ---- sessions ---------------------------------------------------------------------------

  async #loadSessions() {
    const gen = this.#gen;
    try {
      const { sessions } = await api.sessions();
      if (gen === this.#gen) this.#renderSessions(sessions ?? []);
    } catch (e) {
      if (gen !== this.#gen) return;
      this.#els.list.replaceChildren(h('li', { class: 'hint error' }, `Could not load your sessions: ${e.message}`));
    }
  }

  #renderSessions(sessions) {
    const now = Date.now();
    const lastSeen = (s) => toMillis(s.lastSeenAt) || toMillis(s.createdAt) || 0;
    // This device first, then the most recently active.
    const sorted = [...sessions].sort((a, b) => Number(Boolean(b.current)) - Number(Boolean(a.current)) || lastSeen(b) - lastSeen(a));
    this.#els.list.replaceChildren(...sorted.map((s) => this.#sessionItem(s, now)));
    if (!sorted.length) this.#els.list.append(h('li', { class: 'hint' }, 'No sessions.'));
  }

  #sessionItem(session, now) {
    const seen = session.current ? 'active now' : session.lastSeenAt != null ? `active ${timeAgo(session.lastSeenAt, now)}` : '';
    const since = session.createdAt != null ? `signed in ${formatDateTime(session.createdAt)}` : '';
    // This device is not offered here: "Sign out" (sidebar) or "Sign out everywhere" end it.
    const revoke = !session.current && h('button', {
      type: 'button', class: 'link danger', 'data-testid': 'session-revoke',
      onclick: (e) => act(e.currentTarget, async () => {
        await api.revokeSession(session.id);
        await this.#loadSessions();
      }, 'Could not sign out that device'),
    }, 'Sign out');
    return h('li', {
      class: 'session', 'data-testid': 'session-item', 'data-session-id': session.id,
      'data-current': String(Boolean(session.current)),
    },
    h('div', { class: 'session-main' },
      h('span', { class: 'session-device', 'data-testid': 'session-device', title: session.device || null }, describeDevice(session.device)),
      session.current && h('span', { class: 'tag tag-current', 'data-testid': 'session-current' }, 'This device')),
    h('div', { class: 'session-details' },
      [seen, since].filter(Boolean).join(' · '),
      revoke));
  }
}
