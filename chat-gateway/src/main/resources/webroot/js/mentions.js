// The mentions view: messages that mention me (GET /api/v1/mentions, newest first), each with its
// room; clicking one opens that room. Offered only when the server has the call (features.js).

import { api } from './api.js';
import { $, h, formatDateTime } from './dom.js';
import { has } from './features.js';
import { messageItem } from './messageview.js';

export class MentionsDialog {
  #dialog = $('#mentions-dialog');
  #list = $('#mentions-list');
  #more = $('#mentions-more');
  #before = null;
  #gen = 0;
  #getMe;
  #roomName;
  #onOpenRoom;

  /** roomName(id) -> what to call a room; onOpenRoom(id): show that room. */
  constructor({ getMe, roomName, onOpenRoom }) {
    this.#getMe = getMe;
    this.#roomName = roomName;
    this.#onOpenRoom = onOpenRoom;
    $('#mentions-open').addEventListener('click', () => this.open());
    $('#mentions-close').addEventListener('click', () => this.close());
    this.#more.addEventListener('click', () => this.#load());
  }

  /** Show the button when the server has mentions. */
  update() { $('#mentions-open').hidden = !has('mentions'); }

  open() {
    this.#gen++;
    this.#before = null;
    this.#list.replaceChildren(h('li', { class: 'hint' }, 'Loading…'));
    if (!this.#dialog.open) this.#dialog.showModal();
    this.#load(true);
  }

  close() { if (this.#dialog.open) this.#dialog.close(); }

  async #load(first = false) {
    const gen = this.#gen;
    this.#more.disabled = true;
    try {
      const { messages, more } = await api.mentions({ before: this.#before ?? undefined });
      if (gen !== this.#gen) return;
      if (first) this.#list.replaceChildren();
      this.#list.append(...messages.map((m) => this.#item(m)));
      if (first && !messages.length) this.#list.append(h('li', { class: 'hint' }, 'Nobody has mentioned you yet.'));
      const last = messages.at(-1);
      this.#before = last ? (last.ts ?? last.seq) : this.#before;
      this.#more.hidden = !more;
    } catch (e) {
      if (gen === this.#gen) this.#list.replaceChildren(h('li', { class: 'hint error' }, `Could not load your mentions: ${e.message}`));
    } finally {
      this.#more.disabled = false;
    }
  }

  #item(m) {
    const msg = messageItem(m, this.#getMe(), { 'data-testid': 'mention-message' });
    return h('li', { class: 'mention-item', 'data-testid': 'mention-item', 'data-room-id': m.room },
      h('button', { type: 'button', class: 'link mention-room', 'data-testid': 'mention-room',
        onclick: () => { this.close(); this.#onOpenRoom(m.room); } },
      this.#roomName(m.room), m.ts != null && ` · ${formatDateTime(m.ts)}`),
      h('ol', { class: 'messages' }, msg));
  }
}
