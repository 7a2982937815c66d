// The open room: message list (ordered and deduplicated by seq, with day separators and a "new
// messages" line), history paging on scroll-up, editing (in place; Up arrow edits my last message),
// deleting (after a confirmation), reactions, thread summaries, the composer with pending/failed
// states, drafts kept per room, slash commands, and the typing line.
// Each message shows its sender's picture and current name (users.js keeps both up to date);
// consecutive messages of one sender within a few minutes are grouped under the first one.
// Controls for calls the server may not have yet (edit, reactions, threads) show only when
// features.js finds them in the server's API document.

import { api } from './api.js';
import { connection } from './connection.js';
import { $, h, act, toast } from './dom.js';
import { displayName } from './rooms.js';
import { canDeleteMessage, canPost } from './permissions.js';
import { nameOf } from './users.js';
import { has } from './features.js';
import { confirmAction } from './confirm.js';
import { parseCommand, runCommand } from './slash.js';
import { attachCommandHints } from './commandhints.js';
import { messageItem, setText, markEdited, dayItem, dayKey } from './messageview.js';
import { reactionMap, applyReaction, renderChips, togglePicker, closePicker } from './reactions.js';
import { Attachments, pastedFiles } from './files.js';
import { e2ee, revealPage, showRoom as showEncryption } from '../e2ee/ui.js';

const PAGE_SIZE = 50;
// Opening a message (a search result) pages back to it, at most this far (the server's largest page).
const REVEAL_PAGE_SIZE = 200;
const REVEAL_MAX_PAGES = 25;
const GAP_PAGE_SIZE = 100;
const MAX_TEXT = 4000;
const TYPING_SEND_EVERY_MS = 3000;
const TYPING_SHOW_MS = 5000;
const NEAR_EDGE_PX = 80;
const GROUP_WITHIN_MS = 5 * 60_000;
const DELETED_TEXT = 'message deleted';
const LEFT_TEXT = { left: 'left the room', kicked: 'was removed from the room', banned: 'was banned from the room' };
const DRAFT_PREFIX = 'parley.draft.';

/** Drafts live in sessionStorage: per tab, kept across reloads, gone when the tab closes. */
const draftKey = (room) => DRAFT_PREFIX + room;

function readDraft(room) {
  try { return sessionStorage.getItem(draftKey(room)) ?? ''; } catch { return ''; }
}

function writeDraft(room, text) {
  try {
    if (text.trim()) sessionStorage.setItem(draftKey(room), text);
    else sessionStorage.removeItem(draftKey(room));
  } catch { /* storage full or blocked: a draft is a convenience */ }
}

/** Forget every draft (signing out: the next person at this browser must not see them). */
export function clearDrafts() {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(DRAFT_PREFIX)) sessionStorage.removeItem(key);
  } catch { /* nothing to clear */ }
}

export class ChatView {
  roomId = null;
  #room = null;          // the open room: the live object kept by RoomList (role, archived, muted)
  #gen = 0;              // bumped by every open(): answers that arrive for a previous room are dropped
  #bySeq = new Map();    // seq -> element (the dedupe)
  #pending = new Map();  // cid -> { el, text } for unacked messages of this room
  #raw = new WeakMap();  // message element -> its text as typed (for editing)
  #reactions = new WeakMap(); // message element -> reactionMap
  #maxSeq = null;
  #more = false;
  #loadingOlder = false;
  #typers = new Map();   // userId -> { name, timer }
  #typingSentAt = 0;
  #readSeq = -1;
  #readTimer = null;
  #unreadLine = null;    // the "New messages" line and the message it stands before
  #target = null;        // a message to show once its room is open: { room, id, seq, thread }
  #loaded = false;       // the open room's first page is in
  #getMe;
  #onRead;
  #onOpenThread;
  #commands;
  #attachments;

  #els = {
    empty: $('#chat-empty'), room: $('#chat-room'), title: $('#room-title'), topic: $('#room-topic'),
    scroller: $('#scroller'), list: $('#messages'), older: $('#load-older'), typing: $('#typing'),
    form: $('#composer'), input: $('#composer-input'), send: $('#composer-send'),
    attach: $('#composer-attach'), picker: $('#composer-file'), files: $('#composer-files'),
    archived: $('#archived-banner'), muted: $('#muted-note'), jump: $('#jump-unread'),
  };

  /**
   * getMe() -> the signed-in user; onRead(roomId) when the open room has been marked read;
   * onOpenThread(room, root): show a thread (root: the root message's data);
   * commands: what slash commands need from the app ({ openRoom(room), leave(room), roomUpdated(room) }).
   */
  constructor({ getMe, onRead, onOpenThread = () => {}, commands = {} }) {
    this.#getMe = getMe;
    this.#onRead = onRead;
    this.#onOpenThread = onOpenThread;
    this.#commands = commands;
    const { form, input, scroller, older, jump, attach, picker, files } = this.#els;
    this.#attachments = new Attachments(files, () => this.roomId, () => Boolean(this.#room?.encrypted));
    form.addEventListener('submit', (e) => { e.preventDefault(); this.#submit(); });
    attach.addEventListener('click', () => picker.click());
    picker.addEventListener('change', () => {
      this.#attachments.add(picker.files);
      picker.value = '';
    });
    // A pasted screenshot (or copied files) becomes an attachment; pasted text stays text.
    input.addEventListener('paste', (e) => {
      const pasted = pastedFiles(e);
      if (!pasted.length || !has('files') || !canPost(this.#room)) return;
      e.preventDefault();
      this.#attachments.add(pasted);
    });
    attachCommandHints(input);
    input.addEventListener('keydown', (e) => {
      if (e.isComposing) return;
      // Enter sends, Shift+Enter is a new line; never while an IME is composing.
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); this.#submit(); }
      // Up in an empty composer edits my last message, as in Slack.
      if (e.key === 'ArrowUp' && !input.value && has('edit')) {
        const mine = this.#lastOwnMessage();
        if (mine) { e.preventDefault(); this.#startEdit(mine); }
      }
    });
    input.addEventListener('input', () => {
      this.#autosize();
      this.#maybeSendTyping();
      if (this.roomId) writeDraft(this.roomId, input.value);
    });
    scroller.addEventListener('scroll', () => {
      if (scroller.scrollTop < NEAR_EDGE_PX) this.loadOlder();
      this.#updateJump();
    });
    older.addEventListener('click', () => this.loadOlder());
    jump.addEventListener('click', () => this.#jumpToUnread());
    document.addEventListener('visibilitychange', () => this.#markReadSoon());
  }

  /**
   * Show a room: the latest page over HTTP, then live events through the connection.
   * seen: { unread, lastRead } as the room list knew them before it was opened (for the "new messages" line).
   */
  async open(room, seen = {}) {
    this.#saveDraft();
    const gen = ++this.#gen;
    this.#reset();
    this.roomId = room.id;
    this.#room = room;
    this.#attachments.clear();
    this.#els.empty.hidden = true;
    this.#els.room.hidden = false;
    this.setRoomInfo(room);
    this.#els.input.value = readDraft(room.id);
    this.#autosize();
    for (const p of connection.pendingIn(room.id)) {
      if (!p.extra?.thread) this.#addPending(p.cid, p.text, p.failed ? p.error : null);
    }
    this.#els.list.setAttribute('aria-busy', 'true');
    try {
      const { messages, more } = await api.messages(room.id, { limit: PAGE_SIZE });
      await revealPage(room, messages);
      if (gen !== this.#gen) return;
      messages.forEach((m) => this.#addMessage(m));
      this.#more = Boolean(more);
      this.#placeUnreadLine(seen);
      this.#layout();
      this.#scrollToStart();
      this.#loaded = true;
      if (this.#target?.room === room.id) this.#revealTarget();
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
    this.#saveDraft();
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
    if (room.id === this.roomId) showEncryption(room);
    this.#els.topic.textContent = room.topic ?? '';
    this.#els.topic.hidden = !room.topic;
    this.#applyRoomState();
    this.#refreshActions();
  }

  /**
   * A live event for the open room (already deduped by the connection).
   * before: for room.updated, the room as it was before the change (to say what changed).
   */
  onEvent(evt, before) {
    const d = evt.data ?? {};
    const me = this.#getMe();
    switch (evt.type) {
      case 'message':
        this.#clearTyper(d.sender);
        if (d.sender === me?.id && !d.thread) this.#dropPendingLike(d.text);
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
      case 'message.edited': this.#showEdit(d.id, d.text, d.editedAt ?? d.editedTs); break;
      case 'message.deleted': this.#markDeleted(d.id); break;
      case 'reaction.added': case 'reaction.removed': {
        const el = this.#byId(d.id);
        if (el && d.emoji) this.#changeReaction(el, d.emoji, evt.type === 'reaction.added', d.user === me?.id);
        break;
      }
      case 'thread.updated': {
        const el = this.#byId(d.id);
        if (el) this.#showThreadSummary(el, d);
        break;
      }
      case 'typing': this.#showTyper(d); break;
      default: break; // unknown types are fine to ignore
    }
    if (Number.isFinite(evt.seq)) this.#maxSeq = Math.max(this.#maxSeq ?? evt.seq, evt.seq);
  }

  onAck({ cid, room, id, seq, ts, thread }) {
    const p = this.#pending.get(cid);
    if (room !== this.roomId || !p || thread) return;
    this.#pending.delete(cid);
    p.el.remove(); // the stored message takes its place in seq order (unless its event came first)
    const me = this.#getMe();
    this.#live(() => this.#addMessage({ id, seq, ts, text: p.text, sender: me?.id, senderName: me?.name, files: p.files }));
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
        await revealPage(this.#room, messages);
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

  async loadOlder(limit = PAGE_SIZE) {
    const first = this.#els.list.querySelector('[data-seq]')?.dataset.seq;
    if (!this.#more || this.#loadingOlder || !this.roomId || first == null) return;
    const gen = this.#gen;
    this.#loadingOlder = true;
    this.#updateOlder();
    try {
      const { messages, more } = await api.messages(this.roomId, { before: Number(first), limit });
      await revealPage(this.#room, messages);
      if (gen !== this.#gen) return;
      const s = this.#els.scroller;
      const fromBottom = s.scrollHeight - s.scrollTop;
      messages.forEach((m) => this.#addMessage(m));
      this.#layout();
      s.scrollTop = s.scrollHeight - fromBottom; // keep the reader's place
      this.#more = Boolean(more);
    } catch (e) {
      toast(`Could not load older messages: ${e.message}`);
    } finally {
      if (gen === this.#gen) { this.#loadingOlder = false; this.#updateOlder(); }
    }
  }

  /**
   * Show one message of a room (a search result): once the room is open, page back to it, scroll it
   * into the middle and mark it. A reply that lives in its thread is shown by its root, with the
   * thread opened. message: { id, seq, thread, alsoInChannel }.
   */
  reveal(roomId, message) {
    const inThread = message.thread && !message.alsoInChannel;
    this.#target = { room: roomId, id: inThread ? message.thread : message.id, seq: inThread ? null : message.seq,
      thread: inThread };
    if (this.roomId === roomId && this.#loaded) this.#revealTarget();
  }

  async #revealTarget() {
    const target = this.#target;
    this.#target = null;
    const gen = this.#gen;
    const older = () => Number(this.#els.list.querySelector('[data-seq]')?.dataset.seq ?? Infinity);
    for (let pages = 0; !this.#byId(target.id) && this.#more && pages < REVEAL_MAX_PAGES
      && (target.seq == null || older() > target.seq); pages++) {
      await this.loadOlder(REVEAL_PAGE_SIZE);
      if (gen !== this.#gen) return;
    }
    const el = this.#byId(target.id);
    if (!el) {
      const reached = target.seq != null && older() <= target.seq;
      toast(reached ? 'That message is no longer here' : 'That message is too far back: scroll up to find it');
      return;
    }
    for (const found of this.#els.list.querySelectorAll('.msg.found')) found.classList.remove('found');
    el.classList.add('found');
    el.scrollIntoView({ block: 'center' });
    if (target.thread) this.#openThread(el);
  }

  /** The message data of a shown message (for the thread pane's root), or null. */
  messageData(id) {
    const el = this.#byId(id);
    if (!el) return null;
    return {
      id: el.dataset.id, seq: Number(el.dataset.seq), sender: el.dataset.sender, ts: Number(el.dataset.ts),
      text: this.#raw.get(el) ?? '', senderName: el.querySelector('.msg-sender')?.textContent,
      replies: Number(el.dataset.replies) || 0, participants: (el.dataset.participants || '').split(',').filter(Boolean),
      deleted: el.dataset.deleted === 'true',
    };
  }

  // ---- the list ---------------------------------------------------------------------------

  #reset() {
    closePicker();
    this.#bySeq.clear();
    this.#pending.clear();
    this.#maxSeq = null;
    this.#more = false;
    this.#loadingOlder = false;
    this.#typers.forEach((t) => clearTimeout(t.timer));
    this.#typers.clear();
    this.#renderTyping();
    this.#readSeq = -1;
    this.#unreadLine = null;
    this.#loaded = false;
    clearTimeout(this.#readTimer);
    this.#els.list.replaceChildren();
    this.#els.input.value = '';
    this.#autosize();
    this.#updateOlder();
    this.#updateJump();
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
    // A thread reply lives in its thread (the thread pane), unless it was also sent to the room.
    if (m.thread && !m.alsoInChannel) {
      this.#maxSeq = Math.max(this.#maxSeq ?? m.seq, m.seq);
      return;
    }
    const me = this.#getMe();
    const el = messageItem(m, me);
    el.querySelector('.msg-body').append(h('div', { class: 'msg-extras' },
      h('div', { class: 'msg-reactions', 'data-testid': 'reactions', hidden: true }),
      h('button', { type: 'button', class: 'link msg-thread', 'data-testid': 'thread-summary', hidden: true,
        onclick: () => this.#openThread(el) })));
    this.#raw.set(el, m.text ?? '');
    if (m.thread) el.classList.add('in-thread');
    if (m.deleted) this.#showDeleted(el);
    this.#reactions.set(el, reactionMap(m.reactions));
    this.#renderReactions(el);
    this.#showThreadSummary(el, m);
    this.#syncActions(el);
    this.#insert(el, m.seq);
  }

  /**
   * After inserts: day separators before the first item of each day, the "new messages" line before
   * its message, and grouping. Rebuilt for the whole list: it holds at most a few hundred items.
   */
  #layout() {
    const list = this.#els.list;
    for (const day of list.querySelectorAll(':scope > .day')) day.remove();
    const line = this.#unreadLine;
    if (line?.target.isConnected) line.target.before(line.el);
    else line?.el.remove();
    let lastDay = null;
    for (const el of [...list.children]) {
      const ts = Number(el.dataset.ts);
      if (el.dataset.ts == null || !Number.isFinite(ts)) continue;
      const key = dayKey(ts);
      if (key === lastDay) continue;
      lastDay = key;
      const before = el.previousElementSibling?.classList.contains('new-line') ? el.previousElementSibling : el;
      before.before(dayItem(ts));
    }
    for (const el of list.children) this.#regroup(el);
  }

  /**
   * Grouping: a stored message directly after another stored message of the same sender, sent
   * within GROUP_WITHIN_MS, is a continuation ("cont"): the CSS hides its picture and name (both
   * stay in the DOM, for screen readers and tests). A day separator or the new-messages line ends a group.
   */
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
    el.querySelector('.msg-edited')?.remove();
    el.querySelector('.msg-editor')?.remove();
    el.querySelector('.msg-files')?.remove(); // no longer served either
    const text = el.querySelector('.msg-text');
    text.hidden = false;
    text.textContent = DELETED_TEXT; // the text itself is gone from the server too
    this.#raw.set(el, '');
    this.#syncActions(el);
  }

  #showEdit(id, text, editedAt) {
    const el = this.#byId(id);
    if (!el || text == null || el.dataset.deleted === 'true') return;
    this.#raw.set(el, text);
    setText(el, text, this.#getMe());
    markEdited(el, editedAt);
  }

  #addSystem(seq, text) {
    if (!Number.isFinite(seq)) return;
    this.#insert(h('li', { class: 'sys', 'data-testid': 'system-message', 'data-seq': seq }, text), seq);
  }

  #addPending(cid, text, error, files = []) {
    const me = this.#getMe();
    const el = messageItem({ sender: me?.id, senderName: me?.name ?? 'Me', text, ts: Date.now(), files }, me,
      { 'data-state': 'pending', 'data-cid': cid });
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
    el.querySelector('.msg-meta').append(status, actions);
    this.#els.list.append(el); // pending messages stay at the bottom until acked
    this.#pending.set(cid, { el, text, files });
    if (error) this.#markFailed(el, error);
    this.#layout();
  }

  /**
   * My own message's event can come before its ack (events carry no cid): the stored copy then takes
   * the place of the oldest pending one with the same text at once, rather than both showing until the ack.
   */
  #dropPendingLike(text) {
    for (const [cid, p] of this.#pending) {
      if (p.text === text && p.el.dataset.state === 'pending') { p.el.remove(); this.#pending.delete(cid); return; }
    }
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

  // ---- message actions: react, reply in thread, edit, delete -------------------------------

  /** The actions a stored, not deleted message offers me, rebuilt after any change of rights. */
  #syncActions(el) {
    el.querySelector('.msg-tools')?.remove();
    if (el.dataset.id == null || el.dataset.deleted === 'true') return;
    const room = this.#room;
    const me = this.#getMe();
    const own = el.dataset.sender === me?.id;
    const open = Boolean(room) && !room.archived;
    const tool = (testid, label, onclick, extra = {}) =>
      h('button', { type: 'button', class: 'link', 'data-testid': testid, onclick, ...extra }, label);
    const tools = h('span', { class: 'msg-tools' },
      has('reactions') && open && tool('message-react', 'React', (e) => togglePicker(e.currentTarget,
        (emoji) => this.#toggleReaction(el, emoji, true)), { 'aria-haspopup': 'menu', 'aria-expanded': 'false' }),
      has('threads') && open && !el.classList.contains('in-thread')
        && tool('message-reply', 'Reply', () => this.#openThread(el)),
      has('edit') && own && open && canPost(room)
        && tool('message-edit', 'Edit', () => this.#startEdit(el)),
      canDeleteMessage(room, me, el.dataset.sender) && tool('message-delete', 'Delete', (e) => this.#delete(el, e.currentTarget),
        { class: 'link msg-delete', 'aria-label': 'Delete message' }));
    if (tools.childElementCount) el.querySelector('.msg-meta').append(tools);
  }

  #refreshActions() {
    for (const el of this.#bySeq.values()) if (el.dataset.testid === 'message') this.#syncActions(el);
  }

  async #delete(el, button) {
    const own = el.dataset.sender === this.#getMe()?.id;
    const ok = await confirmAction(own ? 'Delete this message? Everyone will see “message deleted” instead.'
      : 'Delete this message by someone else? Everyone will see “message deleted” instead.', 'Delete');
    if (!ok) return;
    const room = this.roomId;
    const id = el.dataset.id;
    act(button, async () => {
      await api.deleteMessage(room, id);
      if (room === this.roomId) this.#markDeleted(id); // the message.deleted event will agree
    }, 'Could not delete the message');
  }

  #lastOwnMessage() {
    const me = this.#getMe()?.id;
    const own = [...this.#els.list.querySelectorAll('[data-testid=message][data-id]')]
      .filter((el) => el.dataset.sender === me && el.dataset.deleted !== 'true');
    return own.at(-1) ?? null;
  }

  /** Edit in place: the text becomes a text box; Enter saves, Escape (or Cancel) puts it back. */
  #startEdit(el) {
    const existing = el.querySelector('.msg-editor textarea');
    if (existing) { existing.focus(); return; }
    const text = el.querySelector('.msg-text');
    const box = h('textarea', { class: 'msg-edit-input', 'data-testid': 'message-edit-input', rows: 1, maxlength: MAX_TEXT,
      'aria-label': 'Edit message' });
    box.value = this.#raw.get(el) ?? '';
    const finish = () => { editor.remove(); text.hidden = false; this.#els.input.focus(); };
    const save = async () => {
      const next = box.value.trim();
      if (!next || next === (this.#raw.get(el) ?? '').trim()) { finish(); return; }
      const room = this.roomId;
      const encrypted = this.#room?.encrypted ? this.#room : null;
      const ok = await act(saveButton, async () => {
        // In an encrypted conversation the edit is an MLS message too; the server answers it without text.
        const answer = encrypted
          ? await api.editMessage(room, el.dataset.id, null, await e2ee.sealEdit(encrypted, el.dataset.id, next))
          : await api.editMessage(room, el.dataset.id, next);
        const m = answer?.message ?? {};
        if (room === this.roomId) {
          this.#showEdit(el.dataset.id, encrypted ? next : m.text ?? next, m.editedAt ?? m.editedTs ?? Date.now());
        }
      }, 'Could not edit the message');
      if (ok) finish();
    };
    const saveButton = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'message-edit-save' }, 'Save');
    const editor = h('form', { class: 'msg-editor', onsubmit: (e) => { e.preventDefault(); save(); } },
      box,
      h('div', { class: 'msg-editor-actions' },
        h('span', { class: 'hint' }, 'Enter saves, Escape cancels'),
        h('button', { type: 'button', class: 'btn', 'data-testid': 'message-edit-cancel', onclick: finish }, 'Cancel'),
        saveButton));
    box.addEventListener('keydown', (e) => {
      if (e.isComposing) return;
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); save(); }
      if (e.key === 'Escape') { e.preventDefault(); finish(); }
    });
    text.hidden = true;
    text.after(editor);
    box.style.height = `${Math.min(box.scrollHeight + 2, 240)}px`;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }

  // ---- reactions --------------------------------------------------------------------------

  #renderReactions(el) {
    renderChips(el.querySelector('.msg-reactions'), this.#reactions.get(el) ?? new Map(),
      (emoji, on) => this.#toggleReaction(el, emoji, on));
  }

  #changeReaction(el, emoji, added, mine) {
    const map = this.#reactions.get(el);
    if (map && applyReaction(map, emoji, added, mine)) this.#renderReactions(el);
  }

  /** Shown at once; put back if the server refuses. The event that follows changes nothing then. */
  async #toggleReaction(el, emoji, on) {
    if (!has('reactions') || el.dataset.deleted === 'true') return;
    const room = this.roomId;
    const id = el.dataset.id;
    this.#changeReaction(el, emoji, on, true);
    try {
      await (on ? api.react(room, id, emoji) : api.unreact(room, id, emoji));
    } catch (e) {
      if (room === this.roomId) this.#changeReaction(el, emoji, !on, true);
      toast(`Could not ${on ? 'add' : 'remove'} the reaction: ${e.message}`);
    }
  }

  // ---- threads ----------------------------------------------------------------------------

  /** "3 replies" under a thread's root; data: { replies, lastReplyAt, participants }. */
  #showThreadSummary(el, data) {
    const count = Number(data.replies);
    if (Number.isFinite(count)) el.dataset.replies = String(count);
    if (Array.isArray(data.participants)) el.dataset.participants = data.participants.join(',');
    const n = Number(el.dataset.replies) || 0;
    const button = el.querySelector('.msg-thread');
    button.hidden = n === 0 || !has('threads');
    button.textContent = `${n} ${n === 1 ? 'reply' : 'replies'}`;
  }

  #openThread(el) {
    if (!has('threads') || !this.#room) return;
    this.#onOpenThread(this.#room, this.messageData(el.dataset.id));
  }

  // ---- unread line ------------------------------------------------------------------------

  /**
   * The "New messages" line before the first message from someone else after my read marker
   * (room.lastRead), or, when the server does not say where that is, before the last `unread` of them.
   */
  #placeUnreadLine({ unread, lastRead }) {
    if (!(unread > 0)) return;
    const me = this.#getMe()?.id;
    const theirs = [...this.#els.list.querySelectorAll('[data-testid=message][data-seq]')]
      .filter((el) => el.dataset.sender !== me);
    const target = Number.isFinite(lastRead)
      ? theirs.find((el) => Number(el.dataset.seq) > lastRead)
      : theirs[Math.max(0, theirs.length - unread)];
    if (!target) return;
    const el = h('li', { class: 'new-line', 'data-testid': 'new-messages-line', role: 'separator' },
      h('span', {}, unread === 1 ? '1 new message' : `${unread > 99 ? '99+' : unread} new messages`));
    this.#unreadLine = { el, target, unread };
  }

  #jumpToUnread() {
    this.#unreadLine?.el.scrollIntoView({ block: 'start' });
    this.#updateJump();
  }

  /** "Jump to first unread" shows while the new-messages line is above what is on screen. */
  #updateJump() {
    const line = this.#unreadLine?.el;
    const above = Boolean(line?.isConnected) && line.offsetTop < this.#els.scroller.scrollTop;
    this.#els.jump.hidden = !above;
    if (above) {
      const n = this.#unreadLine.unread;
      this.#els.jump.textContent = `${n > 99 ? '99+' : n} new — jump to first unread`;
    }
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

  /** On opening: the first unread message near the top when there is one, else the bottom. */
  #scrollToStart() {
    this.#scrollToBottom();
    const line = this.#unreadLine?.el;
    if (line?.isConnected && line.offsetTop < this.#els.scroller.scrollTop) {
      this.#els.scroller.scrollTop = Math.max(0, line.offsetTop - NEAR_EDGE_PX);
    }
    this.#updateJump();
  }

  /** Add live content; follow it only if the reader was already at the bottom. */
  #live(add) {
    const follow = this.#nearBottom();
    add();
    this.#layout();
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
    this.#els.attach.disabled = !open;
    this.#els.attach.hidden = !has('files');
    input.placeholder = room?.archived ? 'This room is archived'
      : room?.muted ? 'You are muted in this room' : 'Write a message… (/help for commands)';
  }

  #saveDraft() {
    if (this.roomId) writeDraft(this.roomId, this.#els.input.value);
  }

  #clearComposer() {
    this.#els.input.value = '';
    this.#saveDraft();
    this.#autosize();
  }

  async #submit() {
    const { input } = this.#els;
    const text = input.value.trim();
    if (!this.roomId) return;
    if (!this.#attachments.empty) { await this.#sendWithFiles(text); return; }
    if (!text) return;
    const parsed = parseCommand(text);
    if (parsed.error) { toast(parsed.error); return; }
    if (parsed.send == null) { await this.#runCommand(parsed, text); return; }
    if (!canPost(this.#room)) return;
    if (parsed.send.length > MAX_TEXT) {
      toast(`A message can have at most ${MAX_TEXT} characters (this one has ${parsed.send.length}).`);
      return;
    }
    const room = this.#room;
    let sealed;
    try {
      sealed = await e2ee.sealFor(room, parsed.send);
    } catch (e) {
      toast(`Not sent: ${e.message}`);
      return;
    }
    const cid = connection.send(room.id, parsed.send, sealed);
    if (room.id !== this.roomId) return;
    this.#addPending(cid, parsed.send, null);
    this.#clearComposer();
    this.#typingSentAt = 0;
    this.#scrollToBottom();
  }

  /** A message with the composer's files: once they are uploaded, they go with the text (which may be empty). */
  async #sendWithFiles(text) {
    const roomId = this.roomId;
    const gen = this.#gen;
    if (!canPost(this.#room)) return;
    if (text.length > MAX_TEXT) {
      toast(`A message can have at most ${MAX_TEXT} characters (this one has ${text.length}).`);
      return;
    }
    const room = this.#room;
    const files = await this.#attachments.ready();
    if (gen !== this.#gen || (!files.length && !text)) return;
    const extra = files.length ? { files: files.map((file) => file.id) } : {};
    try {
      // Encrypted: each file's key, real name and type go inside the MLS message; only the ids travel in clear.
      Object.assign(extra, await e2ee.sealFor(room, text, files));
    } catch (e) {
      toast(`Not sent: ${e.message}`);
      return;
    }
    const cid = connection.send(roomId, text, extra);
    this.#addPending(cid, text, null, files);
    this.#attachments.sent();
    this.#clearComposer();
    this.#typingSentAt = 0;
    this.#scrollToBottom();
  }

  async #runCommand(parsed, text) {
    const room = this.#room;
    const gen = this.#gen;
    this.#clearComposer();
    try {
      const note = await runCommand(parsed, { ...this.#commands, room, me: this.#getMe() });
      if (note) toast(note, 'info');
    } catch (e) {
      toast(e.message);
      // Give the command back to fix it, unless the person has moved on.
      if (gen === this.#gen && !this.#els.input.value) { this.#els.input.value = text; this.#saveDraft(); this.#autosize(); }
    }
  }

  #autosize() {
    const { input } = this.#els;
    input.style.height = 'auto';
    const height = Math.min(input.scrollHeight, 160);
    input.style.height = `${height}px`;
    // A scroll bar only once the text is taller than the box can grow (never on an empty box).
    input.style.overflowY = input.scrollHeight > 160 ? 'auto' : 'hidden';
  }

  #maybeSendTyping() {
    if (!this.roomId || !this.#els.input.value.trim() || this.#els.input.value.startsWith('/')) return;
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
    // The current name (users.js follows renames), not the one the notice was sent with.
    const names = [...this.#typers].map(([id, t]) => nameOf(id, t.name));
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
