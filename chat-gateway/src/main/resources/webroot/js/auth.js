// Sign-in and sign-up views. The forms are in index.html; this module switches between them,
// submits them and reports the server's error message.

import { api } from './api.js';
import { $ } from './dom.js';

export class AuthView {
  #root = $('#auth-view');
  #signin = $('#signin-form');
  #signup = $('#signup-form');
  #error = $('#auth-error');
  #toggle = $('#auth-toggle');
  #onSignedIn;

  /** onSignedIn(user) runs after a successful sign-in or sign-up. */
  constructor({ onSignedIn }) {
    this.#onSignedIn = onSignedIn;
    this.#toggle.addEventListener('click', () => this.#setMode(this.#root.dataset.mode === 'signin' ? 'signup' : 'signin'));
    this.#signin.addEventListener('submit', (e) => this.#submit(e, () =>
      api.login($('#signin-email').value.trim(), $('#signin-password').value)));
    this.#signup.addEventListener('submit', (e) => this.#submit(e, () =>
      api.register($('#signup-email').value.trim(), $('#signup-password').value, $('#signup-name').value.trim())));
  }

  /** Show the sign-in form, with an optional notice (e.g. "your session has ended"). */
  show(notice) {
    this.#root.hidden = false;
    this.#setMode('signin');
    this.#showError(notice);
  }

  hide() { this.#root.hidden = true; }

  #setMode(mode) {
    this.#root.dataset.mode = mode;
    this.#signin.hidden = mode !== 'signin';
    this.#signup.hidden = mode !== 'signup';
    this.#toggle.textContent = mode === 'signin' ? 'New here? Create an account' : 'Already have an account? Sign in';
    this.#showError(null);
    (mode === 'signin' ? this.#signin : this.#signup).querySelector('input').focus();
  }

  #showError(message) {
    this.#error.textContent = message ?? '';
    this.#error.hidden = !message;
  }

  async #submit(event, action) {
    event.preventDefault();
    const form = event.currentTarget;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    this.#showError(null);
    try {
      const user = await action();
      form.reset();
      this.#onSignedIn(user);
    } catch (e) {
      this.#showError(e.message);
    } finally {
      button.disabled = false;
    }
  }
}
