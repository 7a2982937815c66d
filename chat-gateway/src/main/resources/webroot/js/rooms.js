// The sidebar: my rooms in two sections ("Channels": public and private channels; "Direct
// messages": DMs and group DMs) with unread badges, creating a channel, browsing and joining
// public channels. Rooms come and go live (added, removed, renamed), so the list is keyed by id.

import { api } from './api.js';
import { $, h, toast } from './dom.js';

const KIND_LABEL = { channel: 'Channel', private: 'Private channel', group: 'Group message', dm: 'Direct message' };
const SEP = ', ';

export const isDirect = (room) => room?.kind === 'dm' || room?.kind === 'group';

let myName = null;

/** Whose sidebar this is: DM names leave this name out. */
export function setMyName(name) { myName = name || null; }

/**
 * What to call a room. A DM or group DM is named by the server after all its participants,
 * "Alice, Bob, Carol"; I know I am in it, so my own name is dropped (once: someone else may share
 * it). Matched on the ", " boundaries of the whole string rather than split, so a name that itself
 * contains ", " still works.
 */
export function displayName(room) {
  return (room?.encrypted ? '🔒 ' : '') + plainName(room);
}

function plainName(room) {
  const name = room?.name || '';
  if (isDirect(room) && name && myName && name !== myName) {
    if (name.startsWith(myName + SEP)) return name.slice(myName.length + SEP.length);
    if (name.endsWith(SEP + myName)) return name.slice(0, -(myName.length + SEP.length));
    const mid = name.indexOf(SEP + myName + SEP);
    if (mid >= 0) return name.slice(0, mid) + name.slice(mid + SEP.length + myName.length);
  }
  return name || KIND_LABEL[room?.kind] || 'Room';
}

const byName = (a, b) => displayName(a).localeCompare(displayName(b));

/** A count badge inside a room button (testid names it), shown only while n > 0. */
function setBadge(button, className, testid, n, text, label) {
  let badge = button.querySelector(`[data-testid="${testid}"]`);
  if (!(n > 0)) { badge?.remove(); return; }
  if (!badge) button.append(badge = h('span', { class: className, 'data-testid': testid }));
  badge.textContent = text(n);
  badge.setAttribute('aria-label', label(n));
}

export class RoomList {
  #rooms = new Map(); // id -> room as the server describes it, with lastSeq and unread kept live
  #changedAt = new Map(); // id -> when this client last added or removed it (see sync)
  #active = null;
  #renderQueued = false;
  #syncTimer = null;
  #onSelect;
  #onAdded;
  #onRemoved;
  #decorate;
  #items = new Map(); // id -> <li> in the sidebar
  #lists = { channels: $('#channel-rooms'), direct: $('#dm-rooms') };
  #empty = { channels: $('#room-list-empty'), direct: $('#dm-list-empty') };
  #dialog = $('#channel-browser');
  #channels = $('#channel-list');

  /**
   * onSelect(id): the user picked a room.
   * onAdded(room): a room became mine (first load, created, joined, found by a later sync, added live).
   * onRemoved(room): a room stopped being mine (left, removed, gone from a later sync).
   * decorate(button, room): adds to a room's sidebar button what other modules show there (presence).
   */
  constructor({ onSelect, onAdded, onRemoved, decorate = () => {} }) {
    this.#onSelect = onSelect;
    this.#onAdded = onAdded;
    this.#onRemoved = onRemoved;
    this.#decorate = decorate;
    $('#create-channel').addEventListener('submit', (e) => this.#create(e));
    $('#browse-channels').addEventListener('click', () => this.#openBrowser());
    $('#channel-browser-close').addEventListener('click', () => this.#dialog.close());
  }

  get(id) { return this.#rooms.get(id); }

  /** Every room of mine, by name. */
  all() { return [...this.#rooms.values()].sort(byName); }

  /** Fetch my rooms and merge them in (first load, after a reconnect, when a room shows up). */
  async sync() {
    // An answer can be older than what we learnt meanwhile (a room created, added or removed while
    // the request was in flight): such rooms keep their live state rather than the answer's.
    const startedAt = performance.now();
    const fresh = (id) => (this.#changedAt.get(id) ?? -Infinity) > startedAt;
    const { rooms } = await api.rooms();
    const seen = new Set(rooms.map((r) => r.id));
    rooms.forEach((r) => { if (!fresh(r.id) || this.#rooms.has(r.id)) this.upsert(r); });
    for (const id of [...this.#rooms.keys()]) {
      if (!seen.has(id) && !fresh(id)) this.remove(id);
    }
    this.#queueRender();
  }

  /** A sync a moment from now; several requests in a row make one call. */
  syncSoon() {
    clearTimeout(this.#syncTimer);
    this.#syncTimer = setTimeout(() => this.sync().catch((e) => console.warn('room sync failed:', e.message)), 500);
  }

  upsert(room) {
    if (!room?.id) return;
    const known = this.#rooms.get(room.id);
    if (!known) {
      this.#rooms.set(room.id, { ...room });
      this.#changedAt.set(room.id, performance.now());
      this.#onAdded(this.#rooms.get(room.id));
    } else if ((room.lastSeq ?? -1) >= (known.lastSeq ?? -1)) {
      Object.assign(known, room); // the server has seen at least what we counted live
    } else {
      // We have counted newer events live than this answer knows of: keep our counts.
      Object.assign(known, { ...room, lastSeq: known.lastSeq, unread: known.unread, mentions: known.mentions });
    }
    this.#queueRender();
  }

  /** Change some fields of a known room (from a live event); returns the room, or undefined. */
  patch(id, changes) {
    const room = this.#rooms.get(id);
    if (!room) return undefined;
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) room[key] = value;
    }
    this.#queueRender();
    return room;
  }

  /** Forget a room; returns it if it was known (so the caller reacts only once), else null. */
  remove(id) {
    const room = this.#rooms.get(id);
    this.#changedAt.set(id, performance.now());
    if (!room) return null;
    this.#rooms.delete(id);
    if (this.#active === id) this.#active = null;
    this.#queueRender();
    this.#onRemoved(room);
    return room;
  }

  setActive(id) {
    this.#active = id;
    this.markRead(id);
    this.#render(); // at once: the highlight follows the click
  }

  markRead(id) {
    const room = this.#rooms.get(id);
    if (room?.unread || room?.mentions) { room.unread = 0; room.mentions = 0; this.#queueRender(); }
  }

  /**
   * My read state of a room changed on some device of mine (a read.updated notice): take the
   * server's counts, which are the truth, unless events newer than it were counted here since.
   */
  readUpdated({ room: id, seq, unread, mentions }) {
    const room = this.#rooms.get(id);
    if (!room) return;
    if (Number.isFinite(seq)) room.lastRead = Math.max(room.lastRead ?? seq, seq);
    const newer = Number.isFinite(seq) && (room.lastSeq ?? -1) > seq;
    if (Number.isFinite(unread) && !newer) room.unread = unread;
    else if (Number.isFinite(seq) && seq >= (room.lastSeq ?? -1)) room.unread = 0;
    if (Number.isFinite(mentions) && !newer) room.mentions = mentions;
    else if (Number.isFinite(seq) && seq >= (room.lastSeq ?? -1)) room.mentions = 0;
    this.#queueRender();
  }

  /** Re-render every name, e.g. after my own name changed (DM names leave it out). */
  rename() { this.#queueRender(); }

  /** Re-render every item, e.g. once what decorate() adds is known. */
  repaint() { this.#queueRender(); }

  /**
   * Someone was renamed: patch the DM and group DM names that list them. The server names those
   * conversations after their people when they are created, so this is a local patch: the next
   * sync shows whatever the server then says. Exact ", "-separated parts only, once per room.
   */
  renamePerson(oldName, newName) {
    if (!oldName || !newName || oldName === newName) return;
    for (const room of this.#rooms.values()) {
      if (!isDirect(room) || !room.name) continue;
      const parts = room.name.split(SEP);
      const at = parts.indexOf(oldName);
      if (at < 0) continue;
      parts[at] = newName;
      room.name = parts.join(SEP);
      this.#queueRender();
    }
  }

  /**
   * Count a live event. `seen`: the room is open and visible, so it is not unread.
   * mentionsMe(data): whether a message mentions me.
   */
  noteEvent(evt, myId, seen, mentionsMe = () => false) {
    const room = this.#rooms.get(evt.room);
    if (!room || !Number.isFinite(evt.seq) || evt.seq <= (room.lastSeq ?? -1)) return;
    room.lastSeq = evt.seq;
    if (evt.type === 'message' && evt.data?.sender !== myId && !seen) {
      room.unread = (room.unread ?? 0) + 1;
      if (mentionsMe(evt.data)) room.mentions = (room.mentions ?? 0) + 1;
      this.#queueRender();
    }
  }

  clear() {
    this.#rooms.clear();
    this.#changedAt.clear();
    this.#active = null;
    clearTimeout(this.#syncTimer);
    this.#render();
  }

  // ---- rendering --------------------------------------------------------------------------

  #queueRender() {
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    // A short timer rather than requestAnimationFrame: the unread count in the tab title must
    // also update while the tab is in the background, where animation frames stop.
    setTimeout(() => { this.#renderQueued = false; this.#render(); }, 30);
  }

  /** Update both lists in place (keyed by room id), so focus and element handles survive. */
  #render() {
    const all = [...this.#rooms.values()];
    for (const [id, li] of this.#items) {
      if (!this.#rooms.has(id)) { li.remove(); this.#items.delete(id); }
    }
    for (const section of ['channels', 'direct']) {
      const rooms = all.filter((r) => (section === 'direct') === isDirect(r)).sort(byName);
      const list = this.#lists[section];
      let prev = null;
      for (const room of rooms) {
        let li = this.#items.get(room.id);
        if (!li) {
          li = this.#createItem(room.id);
          this.#items.set(room.id, li);
        }
        this.#updateItem(li, room);
        const expected = prev ? prev.nextElementSibling : list.firstElementChild;
        if (expected !== li) {
          if (prev) prev.after(li);
          else list.prepend(li);
        }
        prev = li;
      }
      this.#empty[section].hidden = rooms.length > 0;
    }
    const total = all.reduce((sum, r) => sum + (r.unread ?? 0), 0);
    document.title = total > 0 ? `(${total}) Parley` : 'Parley';
  }

  #createItem(id) {
    return h('li', {},
      h('button', { type: 'button', class: 'room', 'data-testid': 'room-item', 'data-room-id': id, onclick: () => this.#onSelect(id) },
        h('span', { class: 'room-icon', 'aria-hidden': 'true' }),
        h('span', { class: 'room-name', 'data-testid': 'room-name' }),
        // The lock icon is CSS; this says it to screen readers too.
        h('span', { class: 'sr-only room-private' }, ' (private)')));
  }

  #updateItem(li, room) {
    const button = li.firstElementChild;
    const name = button.querySelector('.room-name');
    const active = room.id === this.#active;
    const unread = active ? 0 : (room.unread ?? 0);
    const mentions = active ? 0 : Math.min(room.mentions ?? 0, unread || Infinity);
    button.dataset.kind = room.kind;
    button.dataset.archived = String(Boolean(room.archived));
    button.title = KIND_LABEL[room.kind] ?? '';
    button.querySelector('.room-private').hidden = room.kind !== 'private';
    if (active) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
    name.textContent = displayName(room);
    // Badges exist only while something is unread: mentions of me ("@2") first, then all unread.
    setBadge(button, 'badge badge-mention', 'room-mentions', mentions, (n) => `@${n > 99 ? '99+' : n}`,
      (n) => `${n} mention${n === 1 ? '' : 's'} of you`);
    setBadge(button, 'badge', 'room-unread', unread, (n) => (n > 99 ? '99+' : String(n)), (n) => `${n} unread`);
    this.#decorate(button, room);
  }

  // ---- create and browse ------------------------------------------------------------------

  async #create(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = $('#create-channel-name');
    const name = input.value.trim();
    if (!name) return;
    const kind = $('#create-channel-private').checked ? 'private' : 'channel';
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const { room } = await api.createRoom(name, kind);
      if (input.value.trim() === name) form.reset(); // unless the user has started on the next one
      this.upsert(room);
      this.#onSelect(room.id);
    } catch (e) {
      toast(`Could not create the channel: ${e.message}`);
    } finally {
      button.disabled = false;
    }
  }

  async #openBrowser() {
    if (!this.#dialog.open) this.#dialog.showModal();
    this.#channels.replaceChildren(h('li', { class: 'hint' }, 'Loading…'));
    try {
      const { channels } = await api.channels();
      channels.sort(byName);
      this.#channels.replaceChildren(...channels.map((c) => this.#channelItem(c)));
      if (!channels.length) this.#channels.append(h('li', { class: 'hint' }, 'No public channels yet.'));
    } catch (e) {
      this.#channels.replaceChildren(h('li', { class: 'hint error' }, e.message));
    }
  }

  #channelItem(channel) {
    const open = () => { this.#dialog.close(); this.#onSelect(channel.id); };
    const join = async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        const { room } = await api.joinRoom(channel.id);
        this.upsert(room);
        this.#dialog.close();
        this.#onSelect(room.id);
      } catch (e) {
        toast(`Could not join: ${e.message}`);
        button.disabled = false;
      }
    };
    return h('li', { class: 'channel', 'data-testid': 'channel-item', 'data-room-id': channel.id },
      h('div', { class: 'channel-info' },
        h('span', { class: 'channel-name', 'data-testid': 'channel-name' }, displayName(channel)),
        channel.topic && h('span', { class: 'channel-topic' }, channel.topic)),
      channel.member
        ? h('button', { type: 'button', class: 'btn', 'data-testid': 'channel-open', onclick: open }, 'Open')
        : h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'channel-join', onclick: join }, 'Join'));
  }
}
