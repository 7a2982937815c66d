// "New message": pick 1 to 8 people, then open the DM (one) or group DM (several) with them.
// POST /dms answers with the existing conversation when there is one, so this never duplicates.

import { api } from './api.js';
import { $, h, act } from './dom.js';
import { PeopleSearch } from './people.js';
import { wantsEncryption } from '../e2ee/ui.js';

const MAX_PEOPLE = 8; // a group DM holds at most 9 people, me included

export class DmDialog {
  #dialog = $('#dm-dialog');
  #picked = new Map(); // id -> { id, name }, in the order picked
  #pickedList = $('#dm-picked');
  #start = $('#dm-start');
  #hint = $('#dm-hint');
  #search;
  #onOpened;

  /** onOpened(room): the conversation to show (created or found). */
  constructor({ onOpened }) {
    this.#onOpened = onOpened;
    this.#search = new PeopleSearch({
      input: $('#user-search'),
      results: $('#user-results'),
      onPick: (user) => this.#add(user),
      exclude: () => new Set(this.#picked.keys()),
      excludedHint: 'Already picked.',
    });
    $('#new-dm').addEventListener('click', () => this.open());
    $('#dm-close').addEventListener('click', () => this.#dialog.close());
    this.#start.addEventListener('click', () => this.#startConversation());
  }

  open() {
    this.#picked.clear();
    this.#search.reset();
    this.#render();
    if (!this.#dialog.open) this.#dialog.showModal();
    $('#user-search').focus();
  }

  close() { if (this.#dialog.open) this.#dialog.close(); }

  #add(user) {
    if (this.#picked.has(user.id)) return;
    if (this.#picked.size >= MAX_PEOPLE) {
      this.#hint.textContent = `A conversation can have at most ${MAX_PEOPLE} other people.`;
      this.#hint.classList.add('error');
      return;
    }
    this.#picked.set(user.id, user);
    this.#render();
    this.#search.reset(); // ready for the next name
    $('#user-search').focus();
  }

  #drop(id) {
    this.#picked.delete(id);
    this.#render();
    this.#search.refilter();
  }

  #render() {
    this.#pickedList.replaceChildren(...[...this.#picked.values()].map((user) =>
      h('li', { class: 'chip', 'data-testid': 'dm-picked', 'data-user-id': user.id },
        h('span', {}, user.name || 'Unnamed'),
        h('button', { type: 'button', class: 'chip-x', 'aria-label': `Remove ${user.name || 'this person'}`, onclick: () => this.#drop(user.id) }, '×'))));
    const n = this.#picked.size;
    this.#start.disabled = n === 0;
    this.#start.textContent = n > 1 ? 'Start group conversation' : 'Start conversation';
    this.#hint.classList.remove('error');
    this.#hint.textContent = n === 0 ? `Pick 1 to ${MAX_PEOPLE} people.`
      : n >= MAX_PEOPLE ? 'That is as many as a conversation can have.'
      : `${n} picked; you can add up to ${MAX_PEOPLE - n} more.`;
  }

  async #startConversation() {
    const ids = [...this.#picked.keys()];
    if (!ids.length) return;
    await act(this.#start, async () => {
      const { room } = await api.openDm(ids, wantsEncryption());
      this.close();
      this.#onOpened(room);
    }, 'Could not start the conversation');
    this.#start.disabled = this.#picked.size === 0;
  }
}
