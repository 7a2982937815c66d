// The members panel of the open room: who is in it, and for its admins (room owner/admin or
// workspace owner/admin) the moderation actions, adding people, room settings, the banned list
// and the audit log. Anyone can leave from here.

import { api } from './api.js';
import { $, h, act, formatDateTime, toMillis } from './dom.js';
import { PeopleSearch } from './people.js';
import { canActOn, canManage } from './permissions.js';
import { avatarImg, nameOf, nameSpan } from './users.js';
import { confirmAction } from './confirm.js';
import { presenceDot, presenceText } from './presence.js';

const ROLE_ORDER = { owner: 0, admin: 1, member: 2 };
const RELOAD_DELAY_MS = 250;

/** An audit action name in one spelling ("SET_ROLE", "set-role", "member.set_role" -> "set_role"). */
const actionKey = (action) => String(action ?? '').toLowerCase().replace(/[^a-z]+/g, '_').replace(/^member_/, '');

/** One audit entry as a sentence. Unknown actions show their name as it is. */
export function describeAudit(entry) {
  const actor = entry.actorName || 'Someone';
  const target = entry.targetName || 'someone';
  const data = entry.data && typeof entry.data === 'object' ? entry.data : {};
  const self = entry.actor != null && entry.actor === entry.target;
  switch (actionKey(entry.action)) {
    case 'update': {
      // data holds the room's name and topic as they were afterwards, not what changed.
      const parts = [];
      if (data.name != null) parts.push(`name “${data.name}”`);
      if (data.topic != null) parts.push(data.topic ? `topic “${data.topic}”` : 'no topic');
      return `${actor} updated the room${parts.length ? `: ${parts.join(', ')}` : ''}`;
    }
    case 'archive': return `${actor} archived the room`;
    case 'unarchive': return `${actor} unarchived the room`;
    case 'add_member': case 'add': return `${actor} added ${target}`;
    case 'remove_member': case 'remove': case 'kick':
      return self ? `${actor} left the room` : `${actor} removed ${target}`;
    case 'leave': return `${actor} left the room`;
    case 'ban': return `${actor} banned ${target}`;
    case 'unban': return `${actor} unbanned ${target}`;
    case 'mute': return `${actor} muted ${target}`;
    case 'unmute': return `${actor} unmuted ${target}`;
    case 'promote': return `${actor} made ${target} an admin`;
    case 'demote': return `${actor} made ${target} a member again`;
    case 'set_role': case 'role':
      return data.role ? `${actor} made ${target} ${data.role === 'admin' ? 'an admin' : `a ${data.role}`}`
        : `${actor} changed the role of ${target}`;
    case 'delete_message':
      return entry.target && !self ? `${actor} deleted a message by ${target}` : `${actor} deleted a message`;
    case 'invite_link': return `${actor} created an invite link${data.maxUses ? ` (${data.maxUses} use${data.maxUses === 1 ? '' : 's'})` : ''}`;
    case 'invite_email': return `${actor} invited ${data.email || 'someone'} by email`;
    case 'invite': case 'create_invite': return `${actor} created an invite`;
    case 'revoke_invite': return `${actor} revoked an invite`;
    default: return `${actor}: ${entry.action ?? 'unknown action'}${entry.targetName ? ` (${entry.targetName})` : ''}`;
  }
}

export class MembersPanel {
  #room = null;            // the open room: the live object kept by RoomList
  #members = [];
  #banned = new Map();     // user id -> name; see #learnBans
  #gen = 0;                // answers for a room that is no longer shown are dropped
  #reloadTimer = null;
  #auditOpen = false;
  #getMe;
  #onRoomUpdated;
  #onLeft;
  #search;
  #els = {
    panel: $('#members-panel'), toggle: $('#members-toggle'), list: $('#member-list'),
    add: $('#member-add'), banned: $('#banned'), bannedList: $('#banned-list'),
    settings: $('#room-settings'), name: $('#room-rename-input'), topic: $('#room-topic-input'),
    archive: $('#room-archive'), unarchive: $('#room-unarchive'),
    audit: $('#audit'), auditToggle: $('#audit-toggle'), auditList: $('#audit-list'),
    leave: $('#leave-room'),
  };

  /**
   * getMe() -> the signed-in user (with workspaceRole once known).
   * onRoomUpdated(room): the server answered a settings change with the room.
   * onLeft(room): I left the room from here.
   */
  constructor({ getMe, onRoomUpdated, onLeft }) {
    this.#getMe = getMe;
    this.#onRoomUpdated = onRoomUpdated;
    this.#onLeft = onLeft;
    const els = this.#els;
    els.toggle.addEventListener('click', () => this.toggle());
    $('#members-close').addEventListener('click', () => this.toggle(false));
    els.settings.addEventListener('submit', (e) => { e.preventDefault(); this.#saveSettings(); });
    els.archive.addEventListener('click', () => this.#setArchived(true));
    els.unarchive.addEventListener('click', () => this.#setArchived(false));
    els.auditToggle.addEventListener('click', () => this.#toggleAudit());
    els.leave.addEventListener('click', () => this.#leave());
    this.#search = new PeopleSearch({
      input: $('#member-add-search'),
      results: $('#member-add-results'),
      onPick: (user) => this.#addMember(user),
      exclude: () => new Set(this.#members.map((m) => m.user)),
      excludedHint: 'Everyone found is already a member.',
    });
  }

  get isOpen() { return !this.#els.panel.hidden; }
  get roomId() { return this.#room?.id ?? null; }

  /** The chat switched rooms (or closed: null). */
  setRoom(room) {
    if (room?.id === this.#room?.id) { this.update(); return; }
    this.#gen++;
    this.#room = room;
    this.#members = [];
    this.#banned.clear();
    this.#auditOpen = false;
    this.#search.reset();
    this.#els.list.replaceChildren();
    this.#fillSettings(true);
    this.update();
    if (this.isOpen && room) this.#load();
  }

  toggle(open = !this.isOpen) {
    this.#els.panel.hidden = !open || !this.#room;
    this.#els.toggle.setAttribute('aria-expanded', String(this.isOpen));
    document.body.classList.toggle('panel-open', this.isOpen);
    if (this.isOpen) this.#load();
  }

  /** Room fields or my permissions changed: show the right controls (no fetch). */
  update() {
    const room = this.#room;
    const els = this.#els;
    const manage = canManage(room, this.#getMe());
    els.add.hidden = !manage;
    els.settings.hidden = !manage;
    els.audit.hidden = !manage;
    els.banned.hidden = !manage || this.#banned.size === 0;
    els.archive.hidden = Boolean(room?.archived);
    els.unarchive.hidden = !room?.archived;
    els.auditList.hidden = !this.#auditOpen || !manage;
    els.auditToggle.setAttribute('aria-expanded', String(this.#auditOpen));
    els.auditToggle.textContent = this.#auditOpen ? 'Hide audit log' : 'Show audit log';
    this.#fillSettings(false);
    if (!room) this.toggle(false);
    else if (this.isOpen) this.#renderMembers();
  }

  /** Membership changed (an event): fetch the list again shortly, if it is showing. */
  reloadSoon() {
    if (!this.isOpen) return;
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = setTimeout(() => this.#load(), RELOAD_DELAY_MS);
  }

  /** Someone was banned (a live member.left with reason "banned"): offer to unban them. */
  noteBanned(user, name) {
    if (!user) return;
    this.#banned.set(user, name || 'Someone');
    this.#renderBanned();
  }

  // ---- loading ----------------------------------------------------------------------------

  async #load() {
    const room = this.#room;
    if (!room) return;
    const gen = this.#gen;
    try {
      const { members } = await api.members(room.id);
      if (gen !== this.#gen) return;
      this.#members = members ?? [];
      for (const m of this.#members) this.#banned.delete(m.user); // back in: not banned any more
      this.#renderBanned();
      this.#renderMembers();
      this.#search.refilter();
    } catch (e) {
      if (gen !== this.#gen) return;
      this.#els.list.replaceChildren(h('li', { class: 'hint error' }, `Could not load the members: ${e.message}`));
    }
    if (canManage(room, this.#getMe())) this.#loadAudit(gen);
  }

  /**
   * The audit log, for the audit list and for the banned list: there is no call that lists bans,
   * so they are worked out from the log (ban / unban entries, oldest first) plus bans seen live.
   */
  async #loadAudit(gen) {
    let entries;
    try {
      ({ entries } = await api.audit(this.#room.id));
    } catch (e) {
      if (gen === this.#gen && this.#auditOpen) {
        this.#els.auditList.replaceChildren(h('li', { class: 'hint error' }, `Could not load the audit log: ${e.message}`));
      }
      return;
    }
    if (gen !== this.#gen) return;
    entries = entries ?? [];
    this.#learnBans(entries);
    this.#renderAudit(entries);
  }

  #learnBans(entries) {
    const times = entries.map((e) => toMillis(e.ts));
    // Documented as newest first; sort by time when every entry has one, to be sure.
    const ordered = times.every(Number.isFinite)
      ? entries.map((e, i) => [e, times[i]]).sort((a, b) => a[1] - b[1]).map(([e]) => e)
      : [...entries].reverse();
    const banned = new Map();
    for (const entry of ordered) {
      const key = actionKey(entry.action);
      if (key === 'ban' && entry.target) banned.set(entry.target, entry.targetName || 'Someone');
      else if (key === 'unban') banned.delete(entry.target);
    }
    const memberIds = new Set(this.#members.map((m) => m.user));
    for (const [id, name] of banned) if (!memberIds.has(id)) this.#banned.set(id, name);
    for (const id of [...this.#banned.keys()]) {
      if (!banned.has(id) && ordered.some((e) => actionKey(e.action) === 'unban' && e.target === id)) this.#banned.delete(id);
    }
    this.#renderBanned();
  }

  // ---- rendering --------------------------------------------------------------------------

  #renderMembers() {
    const me = this.#getMe();
    const members = [...this.#members].sort((a, b) =>
      (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || String(a.name ?? '').localeCompare(String(b.name ?? '')));
    this.#els.list.replaceChildren(...members.map((m) => this.#memberItem(m, me, canActOn(this.#room, me, m))));
    $('#members-title').textContent = `Members (${members.length})`;
  }

  /** actOn: I may act on this person (see canActOn). */
  #memberItem(m, me, actOn) {
    const isMe = m.user === me?.id;
    const who = nameOf(m.user, m.name || 'Unnamed');
    const run = (button, fn, what) => act(button, async () => { await fn(); await this.#load(); }, `Could not ${what}`);
    // ask: the question to confirm first, for what one click must not do by mistake.
    const action = (testid, label, fn, what, extraClass = '', ask = null) => h('button', {
      type: 'button', class: `link ${extraClass}`.trim(), 'data-testid': testid,
      onclick: async (e) => {
        const button = e.currentTarget;
        if (ask && !(await confirmAction(ask, label))) return;
        run(button, fn, what);
      },
    }, label);
    const id = this.#room.id;
    // Nobody moderates themselves (leaving is its own button) nor anyone of equal or higher rank.
    const actions = actOn && h('div', { class: 'member-actions' },
      m.role === 'admin'
        ? action('member-demote', 'Demote', () => api.setRole(id, m.user, 'member'), `demote ${who}`)
        : action('member-promote', 'Make admin', () => api.setRole(id, m.user, 'admin'), `promote ${who}`),
      m.muted
        ? action('member-unmute', 'Unmute', () => api.unmute(id, m.user), `unmute ${who}`)
        : action('member-mute', 'Mute', () => api.mute(id, m.user), `mute ${who}`),
      action('member-remove', 'Remove', () => api.removeMember(id, m.user), `remove ${who}`, 'danger',
        `Remove ${who} from this room? They can come back if they are invited or join again.`),
      action('member-ban', 'Ban', async () => {
        await api.ban(id, m.user);
        this.noteBanned(m.user, m.name);
      }, `ban ${who}`, 'danger', `Ban ${who} from this room? They are removed and cannot come back until unbanned.`));
    return h('li', {
      class: 'member', 'data-testid': 'member-item', 'data-user-id': m.user,
      'data-role': m.role ?? 'member', 'data-muted': String(Boolean(m.muted)),
    },
    h('div', { class: 'member-line' },
      h('span', { class: 'avatar-presence' },
        avatarImg(m.user, 64, { class: 'member-avatar', 'data-testid': 'member-avatar' }), presenceDot(m.user)),
      nameSpan(m.user, m.name || 'Unnamed', { class: 'member-name', 'data-testid': 'member-name' }),
      isMe && h('span', { class: 'tag' }, 'you'),
      m.role && m.role !== 'member' && h('span', { class: `tag tag-${m.role}`, 'data-testid': 'member-role' }, m.role),
      m.muted && h('span', { class: 'tag tag-muted' }, 'muted')),
    presenceText(m.user),
    actions);
  }

  #renderBanned() {
    const manage = canManage(this.#room, this.#getMe());
    const id = this.#room?.id;
    this.#els.bannedList.replaceChildren(...[...this.#banned].map(([user, name]) =>
      h('li', { class: 'member', 'data-testid': 'banned-item', 'data-user-id': user },
        h('div', { class: 'member-line' }, h('span', { class: 'member-name' }, name)),
        h('div', { class: 'member-actions' },
          h('button', {
            type: 'button', class: 'link', 'data-testid': 'member-unban',
            onclick: (e) => act(e.currentTarget, async () => {
              await api.unban(id, user);
              this.#banned.delete(user);
              this.#renderBanned();
            }, `Could not unban ${name}`),
          }, 'Unban')))));
    this.#els.banned.hidden = !manage || this.#banned.size === 0;
  }

  #renderAudit(entries) {
    if (!entries.length) {
      this.#els.auditList.replaceChildren(h('li', { class: 'hint' }, 'Nothing has happened here yet.'));
      return;
    }
    this.#els.auditList.replaceChildren(...entries.map((entry) =>
      h('li', { class: 'audit-entry', 'data-testid': 'audit-entry', 'data-action': entry.action ?? '', 'data-entry-id': entry.id },
        h('span', { class: 'audit-text' }, describeAudit(entry)),
        h('time', { class: 'audit-time' }, formatDateTime(entry.ts)))));
  }

  /** Put the room's name and topic in the settings form, unless the user is editing them. */
  #fillSettings(force) {
    const { name, topic } = this.#els;
    const editing = !force && (document.activeElement === name || document.activeElement === topic);
    if (editing) return;
    name.value = this.#room?.name ?? '';
    topic.value = this.#room?.topic ?? '';
  }

  // ---- actions ----------------------------------------------------------------------------

  async #addMember(user) {
    const room = this.#room;
    await act(null, async () => {
      await api.addMember(room.id, user.id);
      this.#search.reset();
      await this.#load();
    }, `Could not add ${user.name || 'them'}`);
  }

  async #saveSettings() {
    const room = this.#room;
    if (!room) return;
    const name = this.#els.name.value.trim();
    const topic = this.#els.topic.value.trim();
    const changes = {};
    if (name && name !== room.name) changes.name = name;
    if (topic !== (room.topic ?? '')) changes.topic = topic;
    if (!Object.keys(changes).length) return;
    const button = this.#els.settings.querySelector('[type=submit]');
    await act(button, async () => {
      const answer = await api.updateRoom(room.id, changes);
      if (answer?.room) this.#onRoomUpdated(answer.room);
      this.#fillSettings(true);
    }, 'Could not save the room settings');
  }

  async #setArchived(archived) {
    const room = this.#room;
    if (!room) return;
    const button = archived ? this.#els.archive : this.#els.unarchive;
    await act(button, async () => {
      const answer = archived ? await api.archive(room.id) : await api.unarchive(room.id);
      this.#onRoomUpdated(answer?.room ?? { ...room, archived });
    }, archived ? 'Could not archive the room' : 'Could not unarchive the room');
  }

  #toggleAudit() {
    this.#auditOpen = !this.#auditOpen;
    this.update();
    if (this.#auditOpen) {
      this.#els.auditList.replaceChildren(h('li', { class: 'hint' }, 'Loading…'));
      this.#loadAudit(this.#gen);
    }
  }

  async #leave() {
    const room = this.#room;
    const me = this.#getMe();
    if (!room || !me) return;
    const closed = room.kind === 'private' || room.kind === 'group' || room.kind === 'dm';
    if (!(await confirmAction(closed ? 'Leave this room? You will need someone to add you again to come back.'
      : 'Leave this room?', 'Leave'))) return;
    await act(this.#els.leave, async () => {
      await api.removeMember(room.id, me.id);
      this.#onLeft(room);
    }, 'Could not leave the room');
  }
}
