// The open room: message list (ordered and deduplicated by seq), history paging on scroll-up,
// the composer with pending/failed states, and the typing indicator.

import { api } from './api.js';
import { connection } from './connection.js';
import { $, h, formatTime, toast } from './dom.js';
import { displayName } from './rooms.js';

const PAGE_SIZE = 50;
const GAP_PAGE_SIZE = 100;
const MAX_TEXT = 4000;
const TYPING_SEND_EVERY_MS = 3000;
const TYPING_SHOW_MS = 5000;
const NEAR_EDGE_PX = 80;

export class ChatView {
  roomId = null;
  #gen = 0;              // bumped by every open(): answers that arrive for a previous room are dropped
  #bySeq = new Map();    // seq -> element (the dedupe)
  #pending = new Map();  // cid -> { el, text } for unacked messages of this room
  #maxSeq = null;
  #more = false;
  #loadingOlder = false;
  #typers = new Map();   // userId -> { name, timer }
  #typingSentAt = 0;
  #readSeq = -1;
  #readTimer = null;
  #getMe;
  #onRead;

  #els = {
    empty: $('#chat-empty'), room: $('#chat-room'), title: $('#room-title'), topic: $('#room-topic'),
    scroller: $('#scroller'), list: $('#messages'), older: $('#load-older'), typing: $('#typing'),
    form: $('#composer'), input: $('#composer-input'),
  };

  /** getMe() -> the signed-in user; onRead(roomId) when the open room has been marked read. */
  constructor({ getMe, onRead }) {
    this.#getMe = getMe;
    this.#onRead = onRead;
    const { form, input, scroller, older } = this.#els;
    form.addEventListener('submit', (e) => { e.preventDefault(); this.#submit(); });
    input.addEventListener('keydown', (e) => {
      // Enter sends, Shift+Enter is a new line; never while an IME is composing.
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); this.#submit(); }
    });
    input.addEventListener('input', () => { this.#autosize(); this.#maybeSendTyping(); });
    scroller.addEventListener('scroll', () => { if (scroller.scrollTop < NEAR_EDGE_PX) this.loadOlder(); });
    older.addEventListener('click', () => this.loadOlder());
    document.addEventListener('visibilitychange', () => this.#markReadSoon());
  }

  /** Show a room: the latest page over HTTP, then live events through the connection. */
  async open(room) {
    const gen = ++this.#gen;
    this.#reset();
    this.roomId = room.id;
    this.#els.empty.hidden = true;
    this.#els.room.hidden = false;
    this.setRoomInfo(room);
    for (const p of connection.pendingIn(room.id)) this.#addPending(p.cid, p.text, p.failed ? p.error : null);
    this.#els.list.setAttribute('aria-busy', 'true');
    try {
      const { messages, more } = await api.messages(room.id, { limit: PAGE_SIZE });
      if (gen !== this.#gen) return;
      messages.forEach((m) => this.#addMessage(m));
      this.#more = Boolean(more);
      this.#scrollToBottom();
      // Usually already subscribed (all my rooms are), in which case this changes nothing.
      connection.subscribe(room.id, messages.at(-1)?.seq ?? room.lastSeq);
      this.#markReadSoon();
    } catch (e) {
      if (gen !== this.#gen) return;
      this.#els.list.append(h('li', { class: 'sys error' }, `Could not load messages: ${e.message}`));
    } finally {
      if (gen === this.#gen) {
        this.#els.list.removeAttribute('aria-busy');
        this.#updateOlder();
      }
    }
    if (gen === this.#gen && matchMedia('(pointer: fine)').matches) this.#els.input.focus();
  }

  close() {
    this.#gen++;
    this.#reset();
    this.roomId = null;
    this.#els.room.hidden = true;
    this.#els.empty.hidden = false;
  }

  setRoomInfo(room) {
    this.#els.title.textContent = displayName(room);
    this.#els.topic.textContent = room.topic ?? '';
    this.#els.topic.hidden = !room.topic;
  }

  /** A live event for the open room (already deduped by the connection). */
  onEvent(evt) {
    const d = evt.data ?? {};
    switch (evt.type) {
      case 'message':
        this.#clearTyper(d.sender);
        this.#live(() => this.#addMessage({ ...d, seq: evt.seq }));
        this.#markReadSoon();
        break;
      case 'member.joined':
        this.#live(() => this.#addSystem(evt.seq, `${d.name || 'Someone'} joined the room`));
        break;
      // Best effort for events this client does not fully support yet.
      case 'message.edited': this.#updateText(d.id, d.text, 'edited'); break;
      case 'message.deleted': this.#updateText(d.id, 'This message was deleted.', 'deleted'); break;
      case 'typing': this.#showTyper(d); break;
      default: break; // unknown types are fine to ignore
    }
  }

  onAck({ cid, room, id, seq, ts }) {
    const p = this.#pending.get(cid);
    if (room !== this.roomId || !p) return;
    this.#pending.delete(cid);
    p.el.remove(); // the stored message takes its place in seq order (unless its event came first)
    const me = this.#getMe();
    this.#live(() => this.#addMessage({ id, seq, ts, text: p.text, sender: me?.id, senderName: me?.name }));
    this.#markReadSoon();
  }

  onSendFailed({ cid, code, msg }) {
    const p = this.#pending.get(cid);
    if (p) this.#markFailed(p.el, msg || code);
  }

  /** The server skipped events from..to: page them in over HTTP. */
  async fillGap(from, to) {
    const gen = this.#gen;
    const room = this.roomId;
    let after = from - 1;
    try {
      while (after < to) {
        const { messages, more } = await api.messages(room, { after, limit: GAP_PAGE_SIZE });
        if (gen !== this.#gen) return;
        this.#live(() => messages.forEach((m) => this.#addMessage(m)));
        if (!messages.length || !more) break;
        after = messages.at(-1).seq;
      }
      this.#markReadSoon();
    } catch (e) {
      toast(`Could not load missed messages: ${e.message}`);
    }
  }

  async loadOlder() {
    const first = this.#els.list.querySelector('[data-seq]')?.dataset.seq;
    if (!this.#more || this.#loadingOlder || !this.roomId || first == null) return;
    const gen = this.#gen;
    this.#loadingOlder = true;
    this.#updateOlder();
    try {
      const { messages, more } = await api.messages(this.roomId, { before: Number(first), limit: PAGE_SIZE });
      if (gen !== this.#gen) return;
      const s = this.#els.scroller;
      const fromBottom = s.scrollHeight - s.scrollTop;
      messages.forEach((m) => this.#addMessage(m));
      s.scrollTop = s.scrollHeight - fromBottom; // keep the reader's place
      this.#more = Boolean(more);
    } catch (e) {
      toast(`Could not load older messages: ${e.message}`);
    } finally {
      if (gen === this.#gen) { this.#loadingOlder = false; this.#updateOlder(); }
    }
  }

  // ---- the list ---------------------------------------------------------------------------

  #reset() {
    this.#bySeq.clear();
    this.#pending.clear();
    this.#maxSeq = null;
    this.#more = false;
    this.#loadingOlder = false;
    this.#typers.forEach((t) => clearTimeout(t.timer));
    this.#typers.clear();
    this.#renderTyping();
    this.#readSeq = -1;
    clearTimeout(this.#readTimer);
    this.#els.list.replaceChildren();
    this.#els.input.value = '';
    this.#autosize();
    this.#updateOlder();
  }

  /** Insert in seq order, before any pending messages; false when that seq is already shown. */
  #insert(el, seq) {
    if (this.#bySeq.has(seq)) return false;
    this.#bySeq.set(seq, el);
    this.#maxSeq = Math.max(this.#maxSeq ?? seq, seq);
    // Most inserts are at the end (live) and the list is sorted: walk back from the end.
    let node = this.#els.list.lastElementChild;
    while (node && !(node.dataset.seq != null && Number(node.dataset.seq) < seq)) node = node.previousElementSibling;
    if (node) node.after(el);
    else this.#els.list.prepend(el);
    return true;
  }

  #addMessage(m) {
    if (!Number.isFinite(m.seq)) return;
    const me = this.#getMe();
    const own = m.sender != null && m.sender === me?.id;
    const el = h('li', {
      class: own ? 'msg own' : 'msg', 'data-testid': 'message', 'data-state': 'sent',
      'data-seq': m.seq, 'data-id': m.id, 'data-sender': m.sender,
    },
    h('div', { class: 'msg-meta' },
      h('span', { class: 'msg-sender', 'data-testid': 'message-sender' }, m.senderName || m.sender || 'Unknown'),
      m.ts != null && h('time', { class: 'msg-time', datetime: new Date(m.ts).toISOString(), title: new Date(m.ts).toLocaleString() },
        formatTime(m.ts))),
    h('div', { class: 'msg-text', 'data-testid': 'message-text' }, m.text ?? ''));
    this.#insert(el, m.seq);
  }

  #addSystem(seq, text) {
    if (!Number.isFinite(seq)) return;
    this.#insert(h('li', { class: 'sys', 'data-testid': 'system-message', 'data-seq': seq }, text), seq);
  }

  #updateText(id, text, state) {
    if (id == null || text == null) return;
    const el = [...this.#bySeq.values()].find((x) => x.dataset.id === String(id));
    if (!el) return;
    el.querySelector('.msg-text').textContent = text;
    el.classList.add(state);
  }

  #addPending(cid, text, error) {
    const me = this.#getMe();
    const status = h('span', { class: 'msg-status', 'data-testid': 'message-status' }, 'Sending…');
    const actions = h('span', { class: 'msg-actions', hidden: true },
      h('button', { type: 'button', class: 'link', 'data-testid': 'message-retry', onclick: () => {
        el.dataset.state = 'pending';
        status.textContent = 'Sending…';
        actions.hidden = true;
        connection.retry(cid);
      } }, 'Retry'),
      h('button', { type: 'button', class: 'link', 'data-testid': 'message-discard', onclick: () => {
        connection.discard(cid);
        this.#pending.delete(cid);
        el.remove();
      } }, 'Discard'));
    const el = h('li', { class: 'msg own', 'data-testid': 'message', 'data-state': 'pending', 'data-cid': cid },
      h('div', { class: 'msg-meta' },
        h('span', { class: 'msg-sender', 'data-testid': 'message-sender' }, me?.name ?? 'Me'), status, actions),
      h('div', { class: 'msg-text', 'data-testid': 'message-text' }, text));
    this.#els.list.append(el); // pending messages stay at the bottom until acked
    this.#pending.set(cid, { el, text });
    if (error) this.#markFailed(el, error);
  }

  #markFailed(el, reason) {
    el.dataset.state = 'failed';
    el.querySelector('.msg-status').textContent = `Not sent: ${reason}`;
    el.querySelector('.msg-actions').hidden = false;
  }

  #updateOlder() {
    const b = this.#els.older;
    b.hidden = !this.#more;
    b.disabled = this.#loadingOlder;
    b.textContent = this.#loadingOlder ? 'Loading…' : 'Load older messages';
  }

  // ---- scrolling --------------------------------------------------------------------------

  #nearBottom() {
    const s = this.#els.scroller;
    return s.scrollHeight - s.scrollTop - s.clientHeight < NEAR_EDGE_PX;
  }

  #scrollToBottom() {
    const s = this.#els.scroller;
    s.scrollTop = s.scrollHeight;
  }

  /** Add live content; follow it only if the reader was already at the bottom. */
  #live(add) {
    const follow = this.#nearBottom();
    add();
    if (follow) this.#scrollToBottom();
  }

  // ---- composer ---------------------------------------------------------------------------

  #submit() {
    const { input } = this.#els;
    const text = input.value.trim();
    if (!text || !this.roomId) return;
    if (text.length > MAX_TEXT) {
      toast(`A message can have at most ${MAX_TEXT} characters (this one has ${text.length}).`);
      return;
    }
    const cid = connection.send(this.roomId, text);
    this.#addPending(cid, text, null);
    input.value = '';
    this.#autosize();
    this.#typingSentAt = 0;
    this.#scrollToBottom();
  }

  #autosize() {
    const { input } = this.#els;
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  }

  #maybeSendTyping() {
    if (!this.roomId || !this.#els.input.value.trim()) return;
    const now = Date.now();
    if (now - this.#typingSentAt < TYPING_SEND_EVERY_MS) return;
    this.#typingSentAt = now;
    connection.typing(this.roomId);
  }

  // ---- typing indicator -------------------------------------------------------------------

  #showTyper({ user, name }) {
    if (!user || user === this.#getMe()?.id) return;
    clearTimeout(this.#typers.get(user)?.timer);
    const timer = setTimeout(() => this.#clearTyper(user), TYPING_SHOW_MS);
    this.#typers.set(user, { name: name || 'Someone', timer });
    this.#renderTyping();
  }

  #clearTyper(user) {
    const t = this.#typers.get(user);
    if (!t) return;
    clearTimeout(t.timer);
    this.#typers.delete(user);
    this.#renderTyping();
  }

  #renderTyping() {
    const names = [...this.#typers.values()].map((t) => t.name);
    this.#els.typing.textContent =
      names.length === 0 ? '' :
      names.length === 1 ? `${names[0]} is typing…` :
      names.length === 2 ? `${names[0]} and ${names[1]} are typing…` :
      'Several people are typing…';
  }

  // ---- read marker ------------------------------------------------------------------------

  #markReadSoon() {
    clearTimeout(this.#readTimer);
    this.#readTimer = setTimeout(() => this.#markRead(), 300);
  }

  #markRead() {
    const room = this.roomId;
    const seq = this.#maxSeq;
    if (!room || seq == null || seq <= this.#readSeq || document.visibilityState !== 'visible') return;
    this.#readSeq = seq;
    api.markRead(room, seq).catch((e) => console.warn('mark read failed:', e.message));
    this.#onRead(room);
  }
}
