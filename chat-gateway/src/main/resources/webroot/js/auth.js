// Sign-in and sign-up views. The forms are in index.html; this module switches between them,
// submits them and reports the server's error message (wrong password, rate limited, ...).
// Under the forms: a button per configured sign-in provider (see oauth.js), and the outcome of a
// provider sign-in coming back (exchanging its code, or saying why it failed).

import { api } from './api.js';
import { $, h } from './dom.js';
import { describeOauthError, loadProviders, providerButton } from './oauth.js';
import { noteSignedUp } from './onboarding.js';

export class AuthView {
  #root = $('#auth-view');
  #signin = $('#signin-form');
  #signup = $('#signup-form');
  #error = $('#auth-error');
  #oauthError = $('#oauth-error');
  #oauthStatus = $('#oauth-status');
  #providers = $('#oauth-providers');
  #providerList = $('#oauth-provider-list');
  #toggle = $('#auth-toggle');
  #providersLoaded = false;
  #onSignedIn;
  #onProviderStart;

  /**
   * onSignedIn(user) runs after a successful sign-in or sign-up (password or provider).
   * onProviderStart(provider): the browser is about to leave for a provider's sign-in page.
   */
  constructor({ onSignedIn, onProviderStart }) {
    this.#onSignedIn = onSignedIn;
    this.#onProviderStart = onProviderStart;
    this.#toggle.addEventListener('click', () => {
      this.#showOauthError(null);
      this.#setMode(this.#root.dataset.mode === 'signin' ? 'signup' : 'signin');
    });
    this.#signin.addEventListener('submit', (e) => this.#submit(e, () =>
      api.login($('#signin-email').value.trim(), $('#signin-password').value)));
    this.#signup.addEventListener('submit', (e) => this.#submit(e, () =>
      api.register($('#signup-email').value.trim(), $('#signup-password').value, $('#signup-name').value.trim())
        .then(noteSignedUp)));
  }

  /** Show the sign-in form, with an optional notice (e.g. "your session has ended"). */
  show(notice) {
    this.#root.hidden = false;
    this.#setMode('signin');
    this.#showError(notice);
    this.#loadProviders();
  }

  hide() { this.#root.hidden = true; }

  /** A provider sign-in came back with an error reason (state, denied, ...): say it in words. */
  showOauthFailure(reason) {
    this.#showOauthError(describeOauthError(reason), reason);
  }

  /**
   * A provider sign-in came back with a one-time code: trade it for a session. Resolves to
   * { user } or, after showing why on the sign-in view (then up), to { error } (the text shown).
   */
  async exchange(code) {
    this.#root.hidden = false;
    this.#showOauthError(null);
    this.#oauthStatus.hidden = false;
    try {
      if (!code) throw new Error(describeOauthError('code'));
      return { user: await api.oauthExchange(code) };
    } catch (e) {
      this.show();
      // The server's own words when it gave some (e.g. "This sign-in code has expired").
      const error = e.message || describeOauthError('code');
      this.#showOauthError(error, e.code ?? 'exchange');
      return { error };
    } finally {
      this.#oauthStatus.hidden = true;
    }
  }

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

  #showOauthError(message, reason) {
    this.#oauthError.textContent = message ?? '';
    this.#oauthError.hidden = !message;
    if (message) this.#oauthError.dataset.reason = reason ?? '';
    else delete this.#oauthError.dataset.reason;
  }

  /** Once per page; a failure (server down) leaves no buttons and tries again on the next show. */
  async #loadProviders() {
    if (this.#providersLoaded) return;
    this.#providersLoaded = true;
    let providers = [];
    try {
      providers = await loadProviders();
    } catch (e) {
      this.#providersLoaded = false;
      console.warn('sign-in providers unavailable:', e.message);
    }
    this.#providerList.replaceChildren(...providers.map((p) =>
      h('li', {}, providerButton(p, (provider) => this.#onProviderStart?.(provider)))));
    this.#providers.hidden = providers.length === 0;
  }

  async #submit(event, action) {
    event.preventDefault();
    const form = event.currentTarget;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    this.#showError(null);
    this.#showOauthError(null);
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
