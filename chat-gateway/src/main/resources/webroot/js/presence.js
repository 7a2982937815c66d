// Presence: who is online, away or offline, and their status text, for the people on screen.
//
// The server tells presence only to connections that `watch` someone (protocol 4.6), never to every
// member of every room, so the client watches just the people it shows: me (my own dot), the members
// of the open room (the first 200, owners and admins first, as the member list orders them) and the
// other people of the DMs and group DMs in the sidebar. The set is sent again whenever it changes;
// connection.js re-sends it after each reconnect.
//
// Every element showing someone's presence is marked with data-presence-of="<user id>" (a dot, or a
// status text line), so one change repaints all of them wherever they are: sidebar, member list,
// my own status button.

import { api } from './api.js';
import { connection } from './connection.js';
import { h } from './dom.js';
import { isDirect } from './rooms.js';

const MAX_WATCHED = 200;          // the server's limit for one watch
const MEMBER_LOOKUPS_AT_ONCE = 4; // a sidebar with many DMs must not fire all their member calls at once
const WATCH_DELAY_MS = 50;        // several changes in a row (first load) make one watch frame
const RELOAD_DELAY_MS = 250;
const STATUS_LABEL = { online: 'Online', away: 'Away', offline: 'Offline' };

const known = new Map(); // user id -> { status, text }
const listeners = new Set();

/** What is known of someone's presence: { status, text }, or null before the server has said. */
export const presenceOf = (user) => known.get(user) ?? null;

/** fn(user, presence) after someone's presence changed. Returns an unsubscribe. */
export function onPresenceChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** "Away: In a meeting", for a tooltip; '' before anything is known. */
export function describePresence(presence) {
  if (!presence) return '';
  const label = STATUS_LABEL[presence.status] ?? 'Offline';
  return presence.text ? `${label}: ${presence.text}` : label;
}

/** A dot (online green, away hollow yellow, offline grey) for someone, kept up to date. */
export function presenceDot(user, props = {}) {
  return bindPresenceDot(h('span', { class: 'presence-dot', 'data-testid': 'presence-dot', role: 'img', ...props }), user);
}

/** Make an existing element (e.g. in index.html) a presence dot for this person. */
export function bindPresenceDot(el, user) {
  el.dataset.presenceOf = user;
  el.dataset.presenceShows = 'dot';
  paint(el);
  return el;
}

/** Someone's status text as a line of its own, hidden while they have none. */
export function presenceText(user, props = {}) {
  const el = h('span', { class: 'presence-text', 'data-testid': 'presence-text', 'data-presence-of': user,
    'data-presence-shows': 'text', ...props });
  paint(el);
  return el;
}

function paint(el) {
  const presence = known.get(el.dataset.presenceOf);
  if (el.dataset.presenceShows === 'text') {
    el.textContent = presence?.text ?? '';
    el.hidden = !presence?.text;
    return;
  }
  el.dataset.status = presence?.status ?? 'unknown';
  const words = describePresence(presence);
  if (words) {
    el.title = words;
    el.setAttribute('aria-label', words);
  } else {
    el.removeAttribute('title');
    el.setAttribute('aria-label', 'Presence unknown');
  }
}

/** What the server said about someone (a watching answer, a presence event, my own PUT). */
export function learnPresence(p) {
  if (!p?.user || !STATUS_LABEL[p.status]) return;
  const before = known.get(p.user);
  const next = { status: p.status, text: typeof p.text === 'string' ? p.text : '' };
  if (before && before.status === next.status && before.text === next.text) return;
  known.set(p.user, next);
  for (const el of document.querySelectorAll(`[data-presence-of="${CSS.escape(p.user)}"]`)) paint(el);
  for (const fn of listeners) {
    try { fn(p.user, next); } catch (e) { console.error('presence listener failed', e); }
  }
}

export class PresenceWatcher {
  #me = null;
  #gen = 0;                    // bumped on sign-in and sign-out: answers for another session are dropped
  #openRoom = null;
  #openPeople = [];            // the open room's members (user ids), at most MAX_WATCHED
  #directPeople = new Map();   // DM or group DM room id -> its other people (user ids)
  #directRooms = new Set();    // the DM and group DM rooms in the sidebar
  #wanted = new Set();         // direct rooms whose people are still to be looked up
  #lookingUp = false;
  #watchTimer = null;
  #reloadTimer = null;
  #lastWatch = '';
  #onDirectPeople;

  /** onDirectPeople(): the people of some DMs became known (the sidebar shows their dots). */
  constructor({ onDirectPeople = () => {} } = {}) {
    this.#onDirectPeople = onDirectPeople;
    connection.on('watching', ({ presence }) => presence.forEach(learnPresence));
    connection.on('event', (evt) => {
      if (evt.type === 'presence' && evt.room == null) learnPresence(evt.data);
      else if ((evt.type === 'member.joined' || evt.type === 'member.left') && evt.room) this.#membersChanged(evt.room);
    });
  }

  /** Signed in as `me` (a user id): watch myself at once, the rest as rooms become known. */
  start(me) {
    this.#gen++;
    this.#me = me;
    this.#watchSoon();
  }

  /** Signed out: forget everyone (the connection forgets its watch when it stops). */
  stop() {
    this.#gen++;
    this.#me = null;
    this.#openRoom = null;
    this.#openPeople = [];
    this.#directPeople.clear();
    this.#directRooms.clear();
    this.#wanted.clear();
    this.#lastWatch = '';
    clearTimeout(this.#watchTimer);
    clearTimeout(this.#reloadTimer);
    known.clear();
  }

  /** A room appeared in the sidebar: for a DM or group DM, look its people up. */
  roomAdded(room) {
    if (!isDirect(room)) return;
    this.#directRooms.add(room.id);
    if (!this.#directPeople.has(room.id)) this.#lookUp(room.id);
  }

  roomRemoved(room) {
    this.#directRooms.delete(room.id);
    this.#directPeople.delete(room.id);
    this.#wanted.delete(room.id);
    this.#watchSoon();
  }

  /** The room shown in the chat changed (null: none). */
  roomOpened(room) {
    if (room?.id === this.#openRoom?.id) return;
    this.#openRoom = room ?? null;
    this.#openPeople = [];
    this.#watchSoon();
    if (room && !isDirect(room)) this.#loadOpenRoom();
  }

  /** The other person of a one-to-one DM, once known (for its dot in the sidebar); else null. */
  otherPersonIn(room) {
    return room?.kind === 'dm' ? this.#directPeople.get(room.id)?.[0] ?? null : null;
  }

  /** Put the other person's dot on a one-to-one DM's sidebar button (RoomList calls it on each render). */
  decorateRoom(button, room) {
    const other = this.otherPersonIn(room);
    const dot = button.querySelector(':scope > .presence-dot');
    if (dot?.dataset.presenceOf === other) return;
    dot?.remove();
    if (other) button.prepend(presenceDot(other));
  }

  // ---- who is on screen -------------------------------------------------------------------

  #membersChanged(roomId) {
    if (this.#directRooms.has(roomId)) this.#lookUp(roomId);
    if (roomId === this.#openRoom?.id && !isDirect(this.#openRoom)) {
      clearTimeout(this.#reloadTimer);
      this.#reloadTimer = setTimeout(() => this.#loadOpenRoom(), RELOAD_DELAY_MS);
    }
  }

  async #loadOpenRoom() {
    const room = this.#openRoom;
    const gen = this.#gen;
    try {
      const { members } = await api.members(room.id);
      if (gen !== this.#gen || room !== this.#openRoom) return;
      this.#openPeople = (members ?? []).map((m) => m.user).filter(Boolean).slice(0, MAX_WATCHED);
      this.#watchSoon();
    } catch (e) {
      console.warn('presence: members of the open room unavailable:', e.message);
    }
  }

  #lookUp(roomId) {
    this.#wanted.add(roomId);
    if (!this.#lookingUp) this.#lookUpWanted();
  }

  async #lookUpWanted() {
    this.#lookingUp = true;
    const gen = this.#gen;
    try {
      while (gen === this.#gen && this.#wanted.size) {
        const batch = [...this.#wanted].slice(0, MEMBER_LOOKUPS_AT_ONCE);
        batch.forEach((id) => this.#wanted.delete(id));
        await Promise.all(batch.map((id) => this.#loadDirectPeople(id, gen)));
      }
    } finally {
      this.#lookingUp = false;
    }
    if (this.#wanted.size) this.#lookUpWanted(); // wanted by a session that began meanwhile
  }

  async #loadDirectPeople(roomId, gen) {
    try {
      const { members } = await api.members(roomId);
      if (gen !== this.#gen || !this.#directRooms.has(roomId)) return;
      this.#directPeople.set(roomId, (members ?? []).map((m) => m.user).filter((id) => id && id !== this.#me));
      this.#onDirectPeople();
      this.#watchSoon();
    } catch (e) {
      console.warn('presence: people of a conversation unavailable:', e.message);
    }
  }

  #watchSoon() {
    clearTimeout(this.#watchTimer);
    this.#watchTimer = setTimeout(() => this.#watch(), WATCH_DELAY_MS);
  }

  /** Me first, then the open room, then the DMs: what does not fit in the server's limit is left out. */
  #watch() {
    if (!this.#me) return;
    const people = new Set([this.#me, ...this.#openPeople]);
    for (const ids of this.#directPeople.values()) ids.forEach((id) => people.add(id));
    const list = [...people].slice(0, MAX_WATCHED);
    const key = list.join(',');
    if (key === this.#lastWatch) return;
    this.#lastWatch = key;
    connection.watch(list);
  }
}
