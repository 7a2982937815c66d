// My own presence at the foot of the sidebar: my dot and status text, and the small dialog that sets
// them (PUT /api/v1/presence): a status text of up to 100 characters and "Set me as away", which
// keeps me away on every device until I clear it. The dot follows what the server tells everyone
// watching me (I watch myself too), so a change made on another device shows here as well.

import { api } from './api.js';
import { $, act } from './dom.js';
import { bindPresenceDot, describePresence, learnPresence, onPresenceChange, presenceOf } from './presence.js';

const MAX_TEXT = 100; // as the server

export class StatusDialog {
  #dialog = $('#status-dialog');
  #els = {
    open: $('#status-open'), dot: $('#my-presence'), label: $('#my-status-text'),
    form: $('#status-form'), text: $('#status-text'), away: $('#status-away'),
    save: $('#status-save'), clear: $('#status-clear'),
  };
  #me = null;
  #isIdle;

  /** isIdle(): whether this device has told the server it is idle (see open). */
  constructor({ isIdle }) {
    this.#isIdle = isIdle;
    const els = this.#els;
    els.open.addEventListener('click', () => this.open());
    $('#status-close').addEventListener('click', () => this.close());
    els.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#set(els.save, { away: els.away.checked, text: els.text.value.trim().slice(0, MAX_TEXT) });
    });
    els.clear.addEventListener('click', () => this.#set(els.clear, { away: false, text: '' }));
    onPresenceChange((user) => { if (user === this.#me) this.#showMine(); });
  }

  /** Signed in as this user id (null: signed out). */
  setMe(id) {
    this.#me = id;
    if (id) bindPresenceDot(this.#els.dot, id);
    this.#showMine();
  }

  open() {
    if (!this.#me) return;
    const mine = presenceOf(this.#me);
    this.#els.text.value = mine?.text ?? '';
    // This device is in use (it was just clicked), so "away" can only have been set by hand.
    this.#els.away.checked = mine?.status === 'away' && !this.#isIdle();
    if (!this.#dialog.open) this.#dialog.showModal();
    this.#els.text.focus();
  }

  close() {
    if (this.#dialog.open) this.#dialog.close();
  }

  #showMine() {
    const mine = this.#me ? presenceOf(this.#me) : null;
    this.#els.label.textContent = mine?.text || 'Set a status';
    this.#els.open.title = mine ? `${describePresence(mine)}. Set your status` : 'Set your status';
  }

  async #set(button, { away, text }) {
    await act(button, async () => {
      const presence = await api.setPresence(away, text);
      learnPresence({ user: this.#me, ...presence });
      this.close();
    }, 'Could not set your status');
  }
}
