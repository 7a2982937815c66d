// Password reset by email: "Forgot your password?" under the sign-in form, and the form an emailed
// link opens (/#reset-password=<token>: the token rides in the fragment, which the browser never
// sends to a server, and is taken out of the address bar at once). Email verification links
// (/#verify-email=<token>) arrive the same way and are used at once (verifyEmail).
// The forms are built here rather than in index.html; they live in the sign-in card, in place of
// its forms while shown.

import { api } from './api.js';
import { $, h } from './dom.js';

const PREFIX = '#reset-password=';
const VERIFY_PREFIX = '#verify-email=';
const MIN_PASSWORD = 8;

/** The reset token of an emailed link's address, or null. */
export function resetTokenFrom(hash) {
  return hash?.startsWith(PREFIX) ? decodeURIComponent(hash.slice(PREFIX.length)) : null;
}

/** The verification token of an emailed link's address, or null. */
export function verifyTokenFrom(hash) {
  return hash?.startsWith(VERIFY_PREFIX) ? decodeURIComponent(hash.slice(VERIFY_PREFIX.length)) : null;
}

/** Uses the token of an emailed verification link; resolves to { ok, message } to tell the person. */
export async function verifyEmail(token) {
  try {
    await api.verifyEmail(token);
    return { ok: true, message: 'Your email address is verified. Thank you!' };
  } catch (e) {
    return { ok: false, message: e.message };
  }
}

export class RecoveryView {
  #card = $('#auth-view .auth-card');
  #authParts = ['#signin-form', '#signup-form', '#auth-toggle', '#auth-error', '#oauth-providers'];
  #onDone;
  #forgot;
  #reset;
  #error;
  #sent;
  #backButton;
  #token = null;
  /** The sign-in card's own parts, and whether each was hidden, while a recovery form takes their place. */
  #hiddenBefore = null;

  /** onDone(notice): back to the sign-in form, with a notice. */
  constructor({ onDone }) {
    this.#onDone = onDone;
    this.#error = h('p', { class: 'auth-error', 'data-testid': 'recovery-error', role: 'alert', hidden: true });
    this.#sent = h('p', { class: 'hint', 'data-testid': 'forgot-sent', role: 'status', hidden: true });
    this.#forgot = h('form', { class: 'stack', 'data-testid': 'forgot-form', hidden: true },
      h('h2', {}, 'Reset your password'),
      h('p', { class: 'hint' }, 'Give the address of your account: we email it a link to choose a new password.'),
      h('label', {}, 'Email',
        h('input', { type: 'email', autocomplete: 'email', required: true, 'data-testid': 'forgot-email' })),
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'forgot-submit' }, 'Email me a link'));
    this.#reset = h('form', { class: 'stack', 'data-testid': 'reset-form', hidden: true },
      h('h2', {}, 'Choose a new password'),
      h('label', {}, 'New password',
        h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: MIN_PASSWORD,
          'data-testid': 'reset-password' })),
      h('label', {}, 'The same again',
        h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: MIN_PASSWORD,
          'data-testid': 'reset-password-again' })),
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'reset-submit' }, 'Set the password'));
    this.#backButton = h('button', { type: 'button', class: 'link', 'data-testid': 'recovery-back', hidden: true,
      onclick: () => this.#finish(null) }, 'Back to sign in');
    this.#card.append(this.#forgot, this.#reset, this.#sent, this.#error, this.#backButton);
    $('#signin-form').after(h('button', { type: 'button', class: 'link', 'data-testid': 'forgot-open',
      onclick: () => this.showForgot() }, 'Forgot your password?'));
    this.#forgot.addEventListener('submit', (e) => this.#submit(e, async () => {
      await api.forgotPassword(this.#forgot.querySelector('input').value.trim());
      this.#forgot.hidden = true;
      this.#sent.textContent = 'If an account has this address, a link to reset its password is on its way.'
        + ' It works once, for a short while.';
      this.#sent.hidden = false;
    }));
    this.#reset.addEventListener('submit', (e) => this.#submit(e, async () => {
      const [password, again] = [...this.#reset.querySelectorAll('input')].map((input) => input.value);
      if (password !== again) throw new Error('The two passwords differ.');
      await api.resetPassword(this.#token, password);
      this.#token = null;
      this.#finish('Your password is changed and you are signed out everywhere: sign in with the new one.');
    }));
  }

  showForgot() {
    this.#show(this.#forgot);
  }

  /** The form an emailed link opens. */
  showReset(token) {
    this.#token = token;
    this.#show(this.#reset);
  }

  #show(form) {
    $('#auth-view').hidden = false;
    this.#hiddenBefore ??= new Map(this.#authParts.map((part) => [part, $(part).hidden]));
    for (const part of this.#authParts) $(part).hidden = true;
    this.#forgot.hidden = form !== this.#forgot;
    this.#reset.hidden = form !== this.#reset;
    this.#sent.hidden = true;
    this.#backButton.hidden = false;
    this.#showError(null);
    form.querySelector('input').focus();
  }

  #finish(notice) {
    for (const el of [this.#forgot, this.#reset, this.#sent, this.#error, this.#backButton]) el.hidden = true;
    for (const [part, hidden] of this.#hiddenBefore ?? []) $(part).hidden = hidden;
    this.#hiddenBefore = null;
    this.#onDone(notice);
  }

  #showError(message) {
    this.#error.textContent = message ?? '';
    this.#error.hidden = !message;
  }

  async #submit(event, action) {
    event.preventDefault();
    const button = event.currentTarget.querySelector('button[type=submit]');
    button.disabled = true;
    this.#showError(null);
    try {
      await action();
    } catch (e) {
      this.#showError(e.message);
    } finally {
      button.disabled = false;
    }
  }
}
