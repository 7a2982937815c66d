// Read receipts in DMs and group DMs: "Seen by Bob, Carol" under my latest message that the others
// have read, from how far each of them has read (their receipt: the seq of their read marker).
// GET /api/v1/rooms/{room}/receipts when the conversation opens, then live `receipt` events (protocol
// 5.3). People who switched receipts off send none, so they never show; channels have none.
// Also the "Send read receipts" switch in the profile dialog (GET/PUT /api/v1/me/read-receipts).

import { api } from './api.js';
import { connection } from './connection.js';
import { $, h, toast } from './dom.js';
import { isDirect } from './rooms.js';
import { nameSpan } from './users.js';

export class SeenBy {
  #room = null;
  #receipts = new Map(); // user id -> the seq they have read up to
  #gen = 0;              // answers for a conversation no longer open are dropped
  #renderQueued = false;
  #list = $('#messages');
  #getMe;

  /** getMe() -> the signed-in user. */
  constructor({ getMe }) {
    this.#getMe = getMe;
    connection.on('event', (evt) => {
      if (evt.type !== 'receipt' || evt.room !== this.#room?.id) return;
      this.#learn(evt.data);
      this.#renderSoon();
    });
    // The chat view adds, pages in and deletes messages on its own time: follow the list rather than
    // each of its paths. Only direct children are watched, so the line added here does not loop.
    new MutationObserver(() => this.#renderSoon()).observe(this.#list, { childList: true });
  }

  /** The room shown in the chat changed (null: none). */
  async setRoom(room) {
    if (room?.id === this.#room?.id) return;
    const gen = ++this.#gen;
    this.#room = room ?? null;
    this.#receipts.clear();
    this.#renderSoon();
    if (!isDirect(room)) return;
    try {
      const { receipts } = await api.receipts(room.id);
      if (gen !== this.#gen) return;
      (receipts ?? []).forEach((r) => this.#learn(r));
      this.#renderSoon();
    } catch (e) {
      console.warn('read receipts unavailable:', e.message);
    }
  }

  #learn(receipt) {
    const { user, seq } = receipt ?? {};
    if (!user || !Number.isFinite(seq) || user === this.#getMe()?.id) return;
    this.#receipts.set(user, Math.max(this.#receipts.get(user) ?? seq, seq));
  }

  #renderSoon() {
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => { this.#renderQueued = false; this.#render(); });
  }

  #render() {
    for (const old of this.#list.querySelectorAll('[data-testid="seen-by"]')) old.remove();
    if (!isDirect(this.#room) || !this.#receipts.size) return;
    const me = this.#getMe()?.id;
    const furthest = Math.max(...this.#receipts.values());
    const mine = [...this.#list.querySelectorAll('[data-testid="message"][data-seq]')]
      .filter((el) => el.dataset.sender === me && el.dataset.deleted !== 'true' && Number(el.dataset.seq) <= furthest);
    const target = mine.at(-1);
    if (!target) return;
    const seq = Number(target.dataset.seq);
    const readers = [...this.#receipts].filter(([, read]) => read >= seq).map(([user]) => user);
    const names = readers.flatMap((user, i) => [i > 0 ? ', ' : '', nameSpan(user, null, { class: 'seen-by-name' })]);
    target.querySelector('.msg-body')?.append(
      h('p', { class: 'seen-by', 'data-testid': 'seen-by' }, 'Seen by ', names));
  }
}

/** The "Send read receipts" checkbox of the profile dialog. */
export class ReadReceiptsSetting {
  #box = $('#read-receipts');
  #gen = 0;

  constructor() {
    // Read when the profile dialog opens (from this button), so it shows what another device set.
    $('#profile-open').addEventListener('click', () => this.load());
    this.#box.addEventListener('change', () => this.#save());
  }

  async load() {
    const gen = ++this.#gen;
    this.#box.disabled = true;
    try {
      const { enabled } = await api.readReceipts();
      if (gen === this.#gen) this.#box.checked = Boolean(enabled);
    } catch (e) {
      console.warn('read receipt setting unavailable:', e.message);
    } finally {
      if (gen === this.#gen) this.#box.disabled = false;
    }
  }

  async #save() {
    const wanted = this.#box.checked;
    const gen = ++this.#gen;
    this.#box.disabled = true;
    try {
      const { enabled } = await api.setReadReceipts(wanted);
      if (gen === this.#gen) this.#box.checked = Boolean(enabled);
    } catch (e) {
      if (gen === this.#gen) this.#box.checked = !wanted;
      toast(`Could not change your read receipts: ${e.message}`);
    } finally {
      if (gen === this.#gen) this.#box.disabled = false;
    }
  }
}
