// The thread pane: a root message and its replies (GET .../messages/{id}/thread), a composer that
// sends with `thread` set (and, if asked, "also send to the room"), and follow / unfollow.
// Replies arrive live as the room's `message` events with data.thread; main.js passes them here.

import { api } from './api.js';
import { connection } from './connection.js';
import { $, h, act, toast } from './dom.js';
import { canPost } from './permissions.js';
import { has } from './features.js';
import { messageItem, setText, markEdited } from './messageview.js';
import { e2ee, revealPage } from '../e2ee/ui.js';

const PAGE_SIZE = 100;
const MAX_TEXT = 4000;

export class ThreadPane {
  #room = null;
  #root = null;          // the root message's data
  #gen = 0;
  #shown = new Map();    // message id -> element
  #pending = new Map();  // cid -> element
  #following = false;
  #getMe;
  #onOpen;
  #els = {
    panel: $('#thread-panel'), list: $('#thread-messages'), scroller: $('#thread-scroller'),
    form: $('#thread-composer'), input: $('#thread-input'), also: $('#thread-also'),
    follow: $('#thread-follow'), close: $('#thread-close'),
  };

  /** getMe() -> the signed-in user; onOpen(): the pane is about to show (e.g. close the members panel). */
  constructor({ getMe, onOpen = () => {} }) {
    this.#getMe = getMe;
    this.#onOpen = onOpen;
    const { form, input, follow, close } = this.#els;
    form.addEventListener('submit', (e) => { e.preventDefault(); this.#send(); });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); this.#send(); }
      if (e.key === 'Escape') this.close();
    });
    follow.addEventListener('click', () => this.#toggleFollow());
    close.addEventListener('click', () => this.close());
  }

  get rootId() { return this.#root?.id ?? null; }
  get isOpen() { return !this.#els.panel.hidden; }

  /** Show the thread of `root` (message data) in `room`. */
  async open(room, root) {
    if (!root?.id) return;
    this.#onOpen();
    const gen = ++this.#gen;
    this.#room = room;
    this.#root = root;
    this.#shown.clear();
    this.#pending.clear();
    const me = this.#getMe();
    this.#following = root.sender === me?.id || (root.participants ?? []).includes(me?.id);
    this.#renderFollow();
    const { list, panel, input } = this.#els;
    list.replaceChildren(this.#item(root, 'thread-root'));
    list.append(h('li', { class: 'sys thread-count', 'data-testid': 'thread-count' }, ''));
    this.#updateCount();
    panel.hidden = false;
    input.disabled = !canPost(room);
    input.focus();
    try {
      let after = null;
      for (;;) {
        const { messages, more } = await api.thread(room.id, root.id, { after, limit: PAGE_SIZE });
        await revealPage(room, messages);
        if (gen !== this.#gen) return;
        messages.forEach((m) => this.#add(m));
        if (!more || !messages.length) break;
        after = messages.at(-1).seq;
      }
    } catch (e) {
      if (gen === this.#gen) list.append(h('li', { class: 'sys error' }, `Could not load the thread: ${e.message}`));
    }
  }

  close() {
    this.#gen++;
    this.#room = null;
    this.#root = null;
    this.#els.panel.hidden = true;
    this.#els.list.replaceChildren();
  }

  /** The open room changed (or closed): a thread of another room closes. */
  roomChanged(roomId) {
    if (this.#room && this.#room.id !== roomId) this.close();
  }

  /** A live event of the thread's room. */
  onEvent(evt) {
    if (!this.#root || evt.room !== this.#room?.id) return;
    const d = evt.data ?? {};
    switch (evt.type) {
      case 'message':
        if (d.thread !== this.#root.id) break;
        // My reply's event may come before its ack: it replaces the pending copy with the same text.
        if (d.sender === this.#getMe()?.id) {
          const cid = [...this.#pending].find(([, el]) => el.dataset.text === d.text)?.[0];
          if (cid) { this.#pending.get(cid).remove(); this.#pending.delete(cid); }
        }
        this.#add({ ...d, seq: evt.seq });
        break;
      case 'message.edited': {
        const el = this.#shown.get(d.id);
        if (el && d.text != null) { setText(el, d.text, this.#getMe()); markEdited(el, d.editedAt ?? d.editedTs); }
        break;
      }
      case 'message.deleted': {
        const el = this.#shown.get(d.id);
        if (el) { el.classList.add('deleted'); el.querySelector('.msg-text').textContent = 'message deleted'; }
        break;
      }
      default: break;
    }
  }

  /** My reply was stored: it takes the pending one's place (unless its event came first). */
  onAck({ cid, id, seq, ts, thread }) {
    const el = this.#pending.get(cid);
    if (!el) return;
    this.#pending.delete(cid);
    el.remove();
    const me = this.#getMe();
    if (thread === this.#root?.id) this.#add({ id, seq, ts, thread, text: el.dataset.text, sender: me?.id, senderName: me?.name });
  }

  onSendFailed({ cid, msg, code }) {
    const el = this.#pending.get(cid);
    if (!el) return false;
    el.dataset.state = 'failed';
    toast(`Your reply was not sent: ${msg || code}`);
    return true;
  }

  #item(m, testid) {
    const el = messageItem(m, this.#getMe(), testid ? { 'data-testid': testid } : {});
    if (m.deleted) { el.classList.add('deleted'); el.querySelector('.msg-text').textContent = 'message deleted'; }
    return el;
  }

  #add(m) {
    if (!m?.id || this.#shown.has(m.id)) return;
    const el = this.#item(m);
    el.dataset.testid = 'thread-message';
    this.#shown.set(m.id, el);
    // In seq order, before pending replies.
    const { list } = this.#els;
    let node = list.lastElementChild;
    while (node && !(node.dataset.seq != null && Number(node.dataset.seq) < m.seq) && node.dataset.testid !== 'thread-root'
      && !node.classList.contains('thread-count')) {
      node = node.previousElementSibling;
    }
    if (node) node.after(el); else list.append(el);
    this.#updateCount();
    this.#els.scroller.scrollTop = this.#els.scroller.scrollHeight;
  }

  #updateCount() {
    const n = this.#shown.size;
    const count = this.#els.list.querySelector('.thread-count');
    if (count) count.textContent = n === 0 ? 'No replies yet' : `${n} ${n === 1 ? 'reply' : 'replies'}`;
  }

  async #send() {
    const { input, also } = this.#els;
    const text = input.value.trim();
    if (!text || !this.#root || !canPost(this.#room)) return;
    if (text.length > MAX_TEXT) { toast(`A reply can have at most ${MAX_TEXT} characters.`); return; }
    const room = this.#room;
    // In an encrypted conversation the reply's text is an MLS message; which thread it belongs to travels in clear.
    const extra = { thread: this.#root.id };
    if (also.checked) extra.alsoInChannel = true;
    try {
      Object.assign(extra, await e2ee.sealFor(room, text));
    } catch (e) {
      toast(`Your reply was not sent: ${e.message}`);
      return;
    }
    if (room !== this.#room) return;
    const cid = connection.send(room.id, text, extra);
    const me = this.#getMe();
    const el = messageItem({ sender: me?.id, senderName: me?.name, text, ts: Date.now() }, me,
      { 'data-state': 'pending', 'data-cid': cid, 'data-testid': 'thread-message' });
    el.dataset.text = text;
    this.#els.list.append(el);
    this.#pending.set(cid, el);
    input.value = '';
    also.checked = false;
    this.#els.scroller.scrollTop = this.#els.scroller.scrollHeight;
    if (!this.#following) { this.#following = true; this.#renderFollow(); } // writing in a thread follows it
  }

  #renderFollow() {
    const { follow } = this.#els;
    follow.hidden = !has('follow');
    follow.textContent = this.#following ? 'Unfollow' : 'Follow';
    follow.setAttribute('aria-pressed', String(this.#following));
  }

  async #toggleFollow() {
    const room = this.#room;
    const root = this.#root;
    if (!room || !root) return;
    const next = !this.#following;
    await act(this.#els.follow, async () => {
      await (next ? api.follow(room.id, root.id) : api.unfollow(room.id, root.id));
      if (root === this.#root) { this.#following = next; this.#renderFollow(); }
    }, next ? 'Could not follow the thread' : 'Could not unfollow the thread');
  }
}
