// The open room: message list (ordered and deduplicated by seq), history paging on scroll-up,
// deleting messages, the composer with pending/failed states (disabled in an archived room or
// while I am muted), and the typing indicator.
// Each message shows its sender's picture and current name (users.js keeps both up to date);
// consecutive messages of one sender within a few minutes are grouped under the first one.

import { api } from './api.js';
import { connection } from './connection.js';
import { $, h, act, formatTime, toast } from './dom.js';
import { displayName } from './rooms.js';
import { canDeleteMessage, canPost } from './permissions.js';
import { avatarImg, nameSpan } from './users.js';

const PAGE_SIZE = 50;
const GAP_PAGE_SIZE = 100;
const MAX_TEXT = 4000;
const TYPING_SEND_EVERY_MS = 3000;
const TYPING_SHOW_MS = 5000;
const NEAR_EDGE_PX = 80;
const GROUP_WITHIN_MS = 5 * 60_000;
const DELETED_TEXT = 'message deleted';
const LEFT_TEXT = { left: 'left the room', kicked: 'was removed from the room', banned: 'was banned from the room' };

export class ChatView {
  roomId = null;
  #room = null;          // the open room: the live object kept by RoomList (role, archived, muted)
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
    form: $('#composer'), input: $('#composer-input'), send: $('#composer-send'),
    archived: $('#archived-banner'), muted: $('#muted-note'),
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
    this.#room = room;
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
    if (gen === this.#gen && !this.#els.input.disabled && matchMedia('(pointer: fine)').matches) this.#els.input.focus();
  }

  close() {
    this.#gen++;
    this.#reset();
    this.roomId = null;
    this.#room = null;
    this.#els.title.textContent = '';
    this.#els.topic.hidden = true;
    this.#els.room.hidden = true;
    this.#els.empty.hidden = false;
  }

  /** Show the room's current name, topic and state; also after my role, mute or the room changed. */
  setRoomInfo(room) {
    if (room.id === this.roomId) this.#room = room;
    this.#els.title.textContent = displayName(room);
    this.#els.topic.textContent = room.topic ?? '';
    this.#els.topic.hidden = !room.topic;
    this.#applyRoomState();
    this.#refreshDeleteButtons();
  }

  /**
   * A live event for the open room (already deduped by the connection).
   * before: for room.updated, the room as it was before the change (to say what changed).
   */
  onEvent(evt, before) {
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
      case 'member.left':
        this.#clearTyper(d.user);
        this.#live(() => this.#addSystem(evt.seq, `${d.name || 'Someone'} ${LEFT_TEXT[d.reason] ?? 'left the room'}`));
        break;
      case 'room.updated':
        this.#live(() => this.#addSystem(evt.seq, describeRoomChange(before, d)));
        break;
      case 'message.edited': this.#updateText(d.id, d.text, 'edited'); break;
      case 'message.deleted': this.#markDeleted(d.id); break;
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
    this.#applyRoomState();
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
      'data-seq': m.seq, 'data-id': m.id, 'data-sender': m.sender, 'data-ts': Number.isFinite(m.ts) ? m.ts : null,
    },
    avatarImg(m.sender, 64, { class: 'msg-avatar', 'data-testid': 'message-avatar' }),
    h('div', { class: 'msg-body' },
      h('div', { class: 'msg-meta' },
        nameSpan(m.sender, m.senderName || (own ? me?.name : null), { class: 'msg-sender', 'data-testid': 'message-sender' }),
        m.ts != null && h('time', { class: 'msg-time', datetime: new Date(m.ts).toISOString(), title: new Date(m.ts).toLocaleString() },
          formatTime(m.ts))),
      h('div', { class: 'msg-text', 'data-testid': 'message-text' }, m.text ?? '')));
    if (m.deleted) this.#showDeleted(el);
    else if (m.editedTs != null) el.classList.add('edited');
    this.#syncDeleteButton(el);
    if (this.#insert(el, m.seq)) this.#regroupAround(el);
  }

  /**
   * Grouping: a stored message directly after another stored message of the same sender, sent
   * within GROUP_WITHIN_MS, is a continuation ("cont"): the CSS hides its picture and name (both
   * stay in the DOM, for screen readers and tests). Checked for a new element and its follower,
   * since inserts also happen in the middle (older pages, gap fills).
   */
  #regroupAround(el) {
    this.#regroup(el);
    const next = el.nextElementSibling;
    if (next) this.#regroup(next);
  }

  #regroup(el) {
    if (el.dataset.testid !== 'message' || el.dataset.seq == null) return;
    const prev = el.previousElementSibling;
    const gap = Number(el.dataset.ts) - Number(prev?.dataset.ts);
    const cont = Boolean(prev) && prev.dataset.testid === 'message' && prev.dataset.seq != null
      && el.dataset.sender != null && prev.dataset.sender === el.dataset.sender
      && Number.isFinite(gap) && gap >= 0 && gap < GROUP_WITHIN_MS;
    el.classList.toggle('cont', cont);
  }

  /** The message element with this id, if it is shown. */
  #byId(id) {
    if (id == null) return undefined;
    return [...this.#bySeq.values()].find((x) => x.dataset.id === String(id));
  }

  #markDeleted(id) {
    const el = this.#byId(id);
    if (el) this.#showDeleted(el);
  }

  #showDeleted(el) {
    el.dataset.deleted = 'true';
    el.classList.add('deleted');
    el.classList.remove('edited');
    el.querySelector('.msg-text').textContent = DELETED_TEXT; // the text itself is gone from the server too
    this.#syncDeleteButton(el);
  }

  /** A stored, not deleted message gets a Delete button when I may delete it (own, or as an admin). */
  #syncDeleteButton(el) {
    const existing = el.querySelector('.msg-delete');
    const allowed = el.dataset.id != null && el.dataset.deleted !== 'true'
      && canDeleteMessage(this.#room, this.#getMe(), el.dataset.sender);
    if (!allowed) { existing?.remove(); return; }
    if (existing) return;
    const button = h('button', {
      type: 'button', class: 'link msg-delete', 'data-testid': 'message-delete', 'aria-label': 'Delete message',
      onclick: () => {
        const room = this.roomId;
        const id = el.dataset.id;
        act(button, async () => {
          await api.deleteMessage(room, id);
          if (room === this.roomId) this.#markDeleted(id); // the message.deleted event will agree
        }, 'Could not delete the message');
      },
    }, 'Delete');
    el.querySelector('.msg-meta').append(button);
  }

  #refreshDeleteButtons() {
    for (const el of this.#bySeq.values()) if (el.dataset.testid === 'message') this.#syncDeleteButton(el);
  }

  #addSystem(seq, text) {
    if (!Number.isFinite(seq)) return;
    const el = h('li', { class: 'sys', 'data-testid': 'system-message', 'data-seq': seq }, text);
    if (this.#insert(el, seq)) this.#regroupAround(el); // a system line ends the group before it
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
      avatarImg(me?.id, 64, { class: 'msg-avatar', 'data-testid': 'message-avatar' }),
      h('div', { class: 'msg-body' },
        h('div', { class: 'msg-meta' },
          nameSpan(me?.id, me?.name ?? 'Me', { class: 'msg-sender', 'data-testid': 'message-sender' }), status, actions),
        h('div', { class: 'msg-text', 'data-testid': 'message-text' }, text)));
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

  /** The archived banner, the muted note, and whether the composer takes messages. */
  #applyRoomState() {
    const room = this.#room;
    const { input, send, archived, muted } = this.#els;
    archived.hidden = !room?.archived;
    muted.hidden = !room?.muted;
    const open = !room || canPost(room);
    input.disabled = !open;
    send.disabled = !open;
    input.placeholder = room?.archived ? 'This room is archived'
      : room?.muted ? 'You are muted in this room' : 'Write a message…';
  }

  #submit() {
    const { input } = this.#els;
    const text = input.value.trim();
    if (!text || !this.roomId || !canPost(this.#room)) return;
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

/** A system line for room.updated: what changed compared with `before` (when known). */
function describeRoomChange(before, d) {
  const changes = [];
  if (d.name != null && d.name !== before?.name) changes.push(`The room was renamed to “${d.name}”`);
  if (d.topic != null && d.topic !== (before?.topic ?? '')) {
    changes.push(d.topic ? `The topic is now “${d.topic}”` : 'The topic was cleared');
  }
  if (d.archived != null && Boolean(d.archived) !== Boolean(before?.archived)) {
    changes.push(d.archived ? 'The room was archived' : 'The room was unarchived');
  }
  return changes.length ? changes.join('. ') : 'The room settings were updated';
}
