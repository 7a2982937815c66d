// Parley web client: wires the feature modules together.
//
// data-testid attributes a browser test can drive:
//   auth-view (data-mode="signin"|"signup"), auth-toggle, auth-error ("You were signed out" after a
//     sign-out from another device)
//   signin-email, signin-password, signin-submit
//   signup-name, signup-email, signup-password, signup-submit
//   oauth-providers (hidden when none) > oauth-button (a link; data-provider, data-type), oauth-status,
//     oauth-error (data-reason)
//   forgot-open; forgot-form > forgot-email, forgot-submit; forgot-sent; reset-form (opened by an emailed
//     /#reset-password=<token> link) > reset-password, reset-password-again, reset-submit; recovery-error,
//     recovery-back; an emailed /#verify-email=<token> link verifies at once and says so (a toast when
//     signed in, the sign-in view's notice otherwise)
//   connection-status (data-state="online"|"offline"|"connecting"), sidebar-toggle,
//   profile-open (button) > current-user-avatar (img), current-user; signout
//   status-open (button) > my-presence (my dot), my-status-text ("Set a status" when none);
//     status-dialog > status-text-input, status-away (checkbox), status-save, status-clear, status-close
//   presence-dot (data-presence-of, data-status="online"|"away"|"offline"|"unknown", title: status text)
//     on one-to-one DMs' room-item and in member-item; presence-text (member-item, when they have one)
//   seen-by ("Seen by Bob", under my latest message the others have read; DMs and group DMs)
//   read-receipts-toggle (checkbox, profile dialog)
//   onboarding-hint (new accounts until dismissed) > onboarding-dismiss
//   profile-dialog (a <dialog>), profile-close,
//     profile-avatar (img, size 256), avatar-input (file), avatar-remove,
//     profile-name, profile-handle, profile-error, profile-note, profile-save,
//     email-status (my address, verified or not), email-verify-send (hidden once verified),
//     password-current, password-new, password-error, password-note, password-save,
//     session-list > session-item (data-session-id, data-current="true"|"false") > session-device,
//       session-current ("This device"), session-revoke (other devices only),
//     sessions-revoke-others, sessions-revoke-all
//   room-list > room-section (data-section="channels"|"direct") >
//     room-item (data-room-id, data-kind, data-archived, aria-current="page" when open) > room-name,
//       room-mentions ("@2": unread mentions of me), room-unread
//   mentions-open (only when the server has mentions), mentions-dialog > mentions-list > mention-item
//     (data-room-id) > mention-room (opens it), mention-message; mentions-more, mentions-close
//   create-channel-name, create-channel-private (checkbox), create-channel-submit
//   browse-channels, channel-browser (a <dialog>), channel-browser-close,
//   channel-item (data-room-id) > channel-name, channel-join | channel-open
//   new-dm, dm-dialog (a <dialog>), dm-close, user-search, user-result (data-user-id),
//     dm-picked (data-user-id), dm-start
//   chat-empty, room-title, room-topic, load-older, typing-indicator, jump-unread,
//   day-separator (data-day="YYYY-MM-DD"), new-messages-line
//   message-list; message (data-seq once stored, data-cid while unacked, data-id, data-ts,
//     data-state="sent"|"pending"|"failed", data-sender, data-deleted="true" once deleted;
//     class "cont" when grouped under the previous message of the same sender) >
//     message-avatar (img, size 64; no src until the sender's picture version is known),
//     message-sender, message-text ("message deleted" once deleted), message-delete,
//     message-status, message-retry, message-discard (unacked only); system-message (data-seq);
//     message-text holds Markdown rendered to DOM (mention, with class mention-me for me); message-edited;
//     the tools, each only when the server has the call: message-react (opens reaction-picker >
//     reaction-option[data-emoji]), message-reply, message-edit (> message-edit-input, message-edit-save,
//     message-edit-cancel; Up arrow in the empty composer too), message-delete (asks: confirm-dialog);
//     reactions > reaction (data-emoji, aria-pressed when mine) > reaction-count; thread-summary ("2 replies")
//   thread-panel > thread-messages > thread-root, thread-count, thread-message; thread-input, thread-send,
//     thread-also (also send to the room), thread-follow (aria-pressed), thread-close
//   confirm-dialog > confirm-text, confirm-yes, confirm-no (Remove, Ban, Leave and Delete ask first)
//   archived-banner, muted-note, composer-input, composer-send, toast
//   members-toggle (aria-expanded), members-panel, members-close, member-list,
//     member-item (data-user-id, data-role, data-muted="true"|"false") > member-avatar (img), member-name, member-role,
//       member-promote | member-demote, member-mute | member-unmute, member-remove, member-ban
//     member-add-search (+ user-result), banned-list > banned-item (data-user-id) > member-unban
//     room-settings (a form) > room-rename-input, room-topic-input, room-save, room-archive | room-unarchive
//     audit-toggle (aria-expanded), audit-list > audit-entry (data-action), leave-room
//   invite-menu, invite-dialog (a <dialog>), invite-close,
//     invite-max-uses (select: "1" | "10" | "unlimited"), invite-expires (select: "3600" | "86400" |
//     "604800" | "never"), invite-create, invite-url (input: value and text are the URL),
//     invite-copy (data-copied="true" just after copying), invite-emails (textarea), invite-email-send,
//     invite-list > invite-item (data-invite-id, data-status) > invite-status (data-status), invite-revoke
//   join-view, join-inviter, join-room-name, invite-error (data-code), join-app-link
//   notify-open, notify-dialog (a <dialog>), notify-close, notify-device-state, notify-device (data-on),
//     notify-email, notify-dnd, notify-dnd-start, notify-dnd-end, notify-timezone, notify-level,
//     notify-mute, notify-muted, notify-error, notify-save

import { startE2ee, revealEvent, forgetE2ee } from '../e2ee/ui.js';
import { api, currentUser, onSignedOut, onRoomDenied, rememberMe } from './api.js';
import { connection } from './connection.js';
import { AuthView } from './auth.js';
import { RoomList, displayName, setMyName } from './rooms.js';
import { ChatView, clearDrafts } from './chat.js';
import { ThreadPane } from './thread.js';
import { MentionsDialog } from './mentions.js';
import { SearchDialog } from './search.js';
import { loadFeatures } from './features.js';
import { mentionsMe } from './markdown.js';
import { DmDialog } from './dms.js';
import { MembersPanel } from './members.js';
import { InviteDialog } from './invites.js';
import { JoinView, inviteTokenFrom } from './join.js';
import { canInvite } from './permissions.js';
import { ProfileDialog } from './profile.js';
import { oauthReturn, stashInvite, takeStashedInvite, describeOauthError } from './oauth.js';
import { RecoveryView, resetTokenFrom, verifyEmail, verifyTokenFrom } from './recovery.js';
import * as users from './users.js';
import { PresenceWatcher } from './presence.js';
import { IdleTracker } from './idle.js';
import { StatusDialog } from './status.js';
import { SeenBy, ReadReceiptsSetting } from './receipts.js';
import { OnboardingHint } from './onboarding.js';
import { LookingTracker, NotificationSettings, registerServiceWorker } from './notifications.js';
import { $, toast } from './dom.js';

let me = null;
let connects = 0;
let socketRefused = false; // the server closed the socket as unauthorized (4001) since the last hello
const leaving = new Set(); // rooms I am leaving myself: no "you were removed" notice for those

const app = $('#app-view');
const status = $('#connection-status');
const roomActions = $('#room-actions');
const inviteButton = $('#invite-menu');
const STATUS_TEXT = { online: 'Online', connecting: 'Connecting…', offline: 'Offline' };

const openRoom = (id) => { location.hash = `#/room/${encodeURIComponent(id)}`; };

const join = new JoinView({
  onAccepted: (room) => enterApp(currentUser(), room),
  onNeedsAccount: () => auth.show(),
  onFailed: () => auth.hide(),
});
const auth = new AuthView({
  // Signing in from an invite link accepts the invite first; enterApp follows from onAccepted.
  onSignedIn: (user) => { if (join.pending) { auth.hide(); join.accept(); } else enterApp(user); },
  // Leaving for a provider: keep the invite being followed, if any, for the way back.
  onProviderStart: () => stashInvite(join.pending ? join.token : null),
});
const chat = new ChatView({
  getMe: () => me,
  onRead: (id) => rooms.markRead(id),
  onOpenThread: (room, root) => thread.open(room, root),
  commands: {
    openRoom: (room) => { rooms.upsert(room); openRoom(room.id); },
    leave: (room) => leftRoom(room),
    roomUpdated: (room) => { if (room) { rooms.upsert(room); roomChanged(room.id); } },
  },
});
const thread = new ThreadPane({ getMe: () => me, onOpen: () => members.toggle(false) });
const presence = new PresenceWatcher({ onDirectPeople: () => rooms.repaint() });
const idle = new IdleTracker();
const myStatus = new StatusDialog({ isIdle: () => idle.idle });
const seenBy = new SeenBy({ getMe: () => me });
const onboarding = new OnboardingHint();
const looking = new LookingTracker();
new NotificationSettings({ getRoom: () => rooms.get(chat.roomId), roomName: (room) => displayName(room) });
registerServiceWorker(); // shows pushes; asks nothing (permission comes from a click in the settings)
new ReadReceiptsSetting(); // the profile dialog's "Send read receipts" checkbox
const rooms = new RoomList({
  onSelect: openRoom,
  // Follow every room of mine, so unread counts move while it is not open.
  onAdded: (room) => { connection.subscribe(room.id, room.lastSeq); presence.roomAdded(room); },
  onRemoved: (room) => { presence.roomRemoved(room); roomGone(room); },
  decorate: (button, room) => presence.decorateRoom(button, room),
});
const dms = new DmDialog({ onOpened: (room) => { rooms.upsert(room); openRoom(room.id); } });
const members = new MembersPanel({
  getMe: () => me,
  onRoomUpdated: (room) => { rooms.upsert(room); roomChanged(room.id); },
  onLeft: (room) => leftRoom(room),
});
const mentions = new MentionsDialog({
  getMe: () => me,
  roomName: (id) => { const room = rooms.get(id); return room ? displayName(room) : 'a room you left'; },
  onOpenRoom: (id) => openRoom(id),
});
const search = new SearchDialog({
  rooms: () => rooms.all().map((room) => ({ id: room.id, label: displayName(room) })),
  // Open the room (the hash does it), and the message once the room's history is in.
  onOpenResult: (hit) => { chat.reveal(hit.message.room, hit.message); openRoom(hit.message.room); },
});
// One side panel at a time: the members list closes the thread, and the thread the members list.
$('#members-toggle').addEventListener('click', () => thread.close());
const invites = new InviteDialog();
const profile = new ProfileDialog({
  getMe: () => me,
  onMeChanged: (user) => {
    if (!me || user?.id !== me.id) return;
    setMe({ ...me, ...user });
    profile.meChanged(me);
  },
  onSignedOutEverywhere: () => {
    // The server has ended this session too (its socket may already have been closed with 4001).
    leaveApp('You were signed out on every device.');
    history.replaceState(null, '', '/');
    api.logout({ tellServer: false });
  },
});

inviteButton.addEventListener('click', () => {
  const room = rooms.get(chat.roomId);
  if (room && canInvite(room, me)) invites.open(room);
});

// A room call refused with 403/404: my list of rooms is probably out of date.
onRoomDenied(() => { if (me) rooms.syncSoon(); });

// ---- rooms coming and going ---------------------------------------------------------------

/** I left a room (members panel, /leave). The member.left event may have beaten the answer and removed it already. */
function leftRoom(room) {
  if (!rooms.get(room.id)) return;
  leaving.add(room.id);
  rooms.remove(room.id);
}

/** Whether a message (event data) mentions me: the server's resolved list, or the text itself on older servers. */
function mentionsOfMe(d) {
  if (Array.isArray(d?.mentions)) return d.mentions.includes(me?.id) || Boolean(d.mentionsChannel);
  return mentionsMe(d?.text, me?.handle);
}

/** A room is no longer mine: stop following it, close it if open, and say so. */
function roomGone(room) {
  connection.forget(room.id);
  const self = leaving.delete(room.id);
  if (chat.roomId === room.id) {
    history.replaceState(null, '', location.pathname); // no hash: nothing open
    showRoomFromHash();
  }
  if (me) toast(self ? `You left ${displayName(room)}` : `You were removed from ${displayName(room)}`, self ? 'info' : 'error');
}

/** Something about a room changed (name, topic, archived, my role or mute): refresh what shows it. */
function roomChanged(id) {
  const room = rooms.get(id);
  if (!room || id !== chat.roomId) return;
  chat.setRoomInfo(room);
  members.setRoom(room);
  updateRoomActions(room);
}

function updateRoomActions(room) {
  roomActions.hidden = !room;
  const allowed = Boolean(room) && canInvite(room, me);
  inviteButton.hidden = !allowed;
  invites.closeUnless(room?.id, allowed);
}

/** Permissions depend on my workspace role too: re-check everything shown once it is known. */
function permissionsChanged() {
  if (chat.roomId) roomChanged(chat.roomId);
}

// ---- connection -> views ------------------------------------------------------------------

connection.on('state', (state) => {
  status.dataset.state = state;
  status.textContent = STATUS_TEXT[state];
});

connection.on('hello', () => {
  socketRefused = false;
  // After a reconnect, pick up rooms I was added to meanwhile (the rest resumes with `since`), and
  // profiles changed meanwhile (user.updated events are not replayed).
  if (++connects > 1) {
    rooms.syncSoon();
    users.refreshShown();
  }
});

connection.on('unauthorized', () => { socketRefused = true; });

// Encrypted messages are opened (in order, one room's events after another) before anything shows them.
let revealed = Promise.resolve();
connection.on('event', (evt) => {
  // A failure here is logged and never stops the chain: the next events still show.
  revealed = revealed.then(() => revealEvent(evt)).then(onEvent).catch((e) => console.error('event not shown:', e));
});

function onEvent(evt) {
  // Someone's name, handle or picture changed: sent to every room they are in and to themselves,
  // so the same change usually arrives several times (users.learn ignores repeats). No seq.
  if (evt.type === 'user.updated') { onUserUpdated(evt.data ?? {}); return; }
  // My read state changed on some device of mine (maybe this one): the badges follow.
  if (evt.type === 'read.updated') { rooms.readUpdated(evt.data ?? {}); return; }
  if (evt.room == null) { onPersonalEvent(evt); return; }
  if (!rooms.get(evt.room)) { rooms.syncSoon(); return; } // a room I have just been added to, or just left
  const open = evt.room === chat.roomId;
  rooms.noteEvent(evt, me?.id, open && document.visibilityState === 'visible', mentionsOfMe);
  const d = evt.data ?? {};
  const before = { ...rooms.get(evt.room) };
  const mine = d.user != null && d.user === me?.id;
  if (open) chat.onEvent(evt, before);
  thread.onEvent(evt);
  switch (evt.type) {
    case 'member.joined':
      if (open) members.reloadSoon();
      break;
    case 'member.left':
      if (mine) {
        // I left (here or in another tab) or was removed: the server stops sending this room.
        if (d.reason === 'left') leaving.add(evt.room);
        rooms.remove(evt.room);
        return;
      }
      if (open) {
        if (d.reason === 'banned') members.noteBanned(d.user, d.name);
        members.reloadSoon();
      }
      break;
    case 'member.updated':
      if (mine) {
        rooms.patch(evt.room, { role: d.role, muted: d.muted });
        roomChanged(evt.room);
      }
      if (open) members.reloadSoon();
      break;
    case 'room.updated':
      rooms.patch(evt.room, { name: d.name, topic: d.topic, archived: d.archived });
      roomChanged(evt.room);
      break;
    default: break;
  }
}

/** Patch every place that shows this person; for me, also the header and my stored profile. */
function onUserUpdated(d) {
  const id = typeof d.user === 'object' ? d.user?.id : d.user;
  if (!id || !me) return;
  const changes = { id };
  for (const key of ['name', 'handle', 'avatarVersion']) if (d[key] !== undefined) changes[key] = d[key];
  if (id === me.id) {
    rememberMe(changes);
    setMe({ ...me, ...changes });
    profile.meChanged(me);
    return;
  }
  const oldName = users.profileOf(id)?.name;
  const changed = users.learn(changes);
  // DM names list people by name: cheap to patch when the old name is known.
  if (changed.name && oldName) {
    rooms.renamePerson(oldName, changed.name);
    if (chat.roomId) roomChanged(chat.roomId);
  }
}

/** Events for me rather than for a room: I was added to or removed from a room. */
function onPersonalEvent(evt) {
  const d = evt.data ?? {};
  switch (evt.type) {
    case 'room.added':
      if (d.room?.id) rooms.upsert(d.room); // onAdded subscribes to it
      break;
    case 'room.removed': {
      const id = typeof d.room === 'object' ? d.room?.id : d.room;
      if (id) rooms.remove(id);
      break;
    }
    default: break; // presence and types newer than this client
  }
}

connection.on('gap', ({ room, from, to }) => {
  if (room === chat.roomId) chat.fillGap(from, to);
  else rooms.syncSoon(); // a closed room only needs its unread count, which the server knows
});

connection.on('ack', (ack) => { chat.onAck(ack); thread.onAck(ack); });
connection.on('sendFailed', (failure) => {
  if (thread.onSendFailed(failure)) return;
  if (failure.room === chat.roomId) chat.onSendFailed(failure);
  else toast(`A message was not sent: ${failure.msg || failure.code}`);
});
connection.on('error', (f) => {
  if (f.code === 'rate_limited' && f.cid == null) return; // e.g. typing notices: harmless
  // A room I may no longer follow (removed while offline): the room list will catch up.
  if ((f.code === 'forbidden' || f.code === 'not_found') && typeof f.ref === 'string' && f.ref.startsWith('sub:')) {
    rooms.syncSoon();
  }
  toast(f.msg || `Server error: ${f.code}`);
});

// ---- navigation: #/room/<id> keeps the open room across reloads ---------------------------

function showRoomFromHash() {
  if (!me) return;
  const match = location.hash.match(/^#\/room\/(.+)$/);
  const id = match && decodeURIComponent(match[1]);
  const room = id && rooms.get(id);
  // On a narrow screen the sidebar covers the chat: show it only while no room is open.
  app.classList.toggle('sidebar-open', !room);
  thread.roomChanged(room?.id ?? null);
  presence.roomOpened(room ?? null);
  looking.roomOpened(room?.id ?? null);
  seenBy.setRoom(room ?? null);
  if (!room) {
    rooms.setActive(null);
    chat.close();
    members.setRoom(null);
    updateRoomActions(null);
    return;
  }
  rememberLastRoom(room.id);
  // What was unread before opening it marks the "new messages" line (setActive clears the count).
  const seen = { unread: room.unread ?? 0, lastRead: room.lastRead };
  rooms.setActive(room.id);
  if (chat.roomId !== room.id) chat.open(room, seen);
  members.setRoom(room);
  updateRoomActions(room);
}

addEventListener('hashchange', showRoomFromHash);

// Opening "/" shows the room open last time (per person, on this browser) rather than "Pick a room".
const lastRoomKey = () => `parley.lastRoom.${me?.id}`;

function rememberLastRoom(id) {
  try { localStorage.setItem(lastRoomKey(), id); } catch { /* a convenience only */ }
}

function restoreLastRoom() {
  if (location.hash) return;
  let id = null;
  try { id = localStorage.getItem(lastRoomKey()); } catch { /* none */ }
  if (id && rooms.get(id)) history.replaceState(null, '', `#/room/${encodeURIComponent(id)}`);
}

// ---- signing in and out -------------------------------------------------------------------

function setMe(user) {
  const before = me;
  me = user;
  if (user) {
    // My DM names carry my old name, which displayName must still recognise and leave out.
    if (before?.id === user.id && before.name && user.name && before.name !== user.name) {
      rooms.renamePerson(before.name, user.name);
      if (chat.roomId) roomChanged(chat.roomId);
    }
    // Only with a known picture version; otherwise users.js looks my profile up.
    if (user.avatarVersion != null) {
      users.learn({ id: user.id, name: user.name, handle: user.handle, avatarVersion: user.avatarVersion });
    }
  }
  setMyName(user?.name);
  $('#current-user').textContent = user?.name ?? '';
  users.bindAvatar($('#current-user-avatar'), user?.id, 64);
  rooms.rename();
}

/** joined: a room just joined through an invite, to open once the app is up. */
async function enterApp(user, joined) {
  setMe(user);
  connects = 0;
  join.hide();
  auth.hide();
  app.hidden = false;
  chat.close();
  presence.start(user.id);
  myStatus.setMe(user.id);
  idle.start();
  onboarding.show(user);
  if (joined?.id) history.replaceState(null, '', `/#/room/${encodeURIComponent(joined.id)}`);
  startE2ee(user);
  connection.start(); // subscriptions are sent once the server says hello
  refreshProfile();
  const features = loadFeatures(); // never fails: without the document, optional features stay off
  try {
    await rooms.sync();
  } catch (e) {
    toast(`Could not load your rooms: ${e.message}`);
  }
  await features;
  mentions.update();
  search.update();
  if (joined?.id && !rooms.get(joined.id)) rooms.upsert(joined);
  restoreLastRoom();
  showRoomFromHash();
}

/**
 * The stored profile may be stale (renamed elsewhere) and the sign-in answer may not carry my
 * workspace role: ask the server. A dead session signs out through onSignedOut.
 */
function refreshProfile() {
  api.me().then((user) => {
    if (me && user && user.id === me.id) {
      setMe({ ...me, ...user });
      permissionsChanged();
    }
  }).catch((e) => console.warn('profile check failed:', e.message));
}

function leaveApp(notice) {
  setMe(null);
  socketRefused = false;
  connection.stop();
  chat.close();
  thread.close();
  clearDrafts();
  forgetE2ee();
  members.setRoom(null);
  invites.close();
  dms.close();
  mentions.close();
  profile.close();
  myStatus.close();
  myStatus.setMe(null);
  idle.stop();
  presence.stop();
  seenBy.setRoom(null);
  onboarding.hide();
  users.clear();
  updateRoomActions(null);
  rooms.clear();
  leaving.clear();
  app.hidden = true;
  auth.show(notice);
}

// A session refused right after the server closed the socket as unauthorized was signed out
// elsewhere (another device's "sign out", a password change); otherwise it simply ran out.
onSignedOut(() => leaveApp(socketRefused ? 'You were signed out' : 'Your session has ended. Please sign in again.'));

$('#signout').addEventListener('click', async () => {
  leaveApp();
  history.replaceState(null, '', '/');
  await api.logout();
});

$('#sidebar-toggle').addEventListener('click', () => app.classList.toggle('sidebar-open'));
$('#scrim').addEventListener('click', () => app.classList.remove('sidebar-open'));

// ---- coming back from a sign-in provider: /#/oauth/<code> or /#/oauth-error/<reason> --------

/** Back on the invite page that was being followed before leaving for the provider. */
function backToInvite(token, signedIn) {
  history.replaceState(null, '', `/invite/${encodeURIComponent(token)}`);
  return join.start(token, signedIn);
}

async function finishOauth(code, invite, stored) {
  const { user, error } = await auth.exchange(code);
  if (user) {
    if (invite) { auth.hide(); backToInvite(invite, true); } else enterApp(user);
    return;
  }
  // auth.exchange has shown why on the sign-in view (oauth-error); still signed in from before:
  // stay so, and say it there instead.
  if (stored) { enterApp(stored); toast(error); return; }
  if (invite) await backToInvite(invite, false); // the invitation above the sign-in view, error kept
}

async function failOauth(reason, invite, stored) {
  if (stored) { // still signed in from before: stay so, and say what went wrong
    if (invite) backToInvite(invite, true); else enterApp(stored);
    toast(describeOauthError(reason));
    return;
  }
  if (invite) await backToInvite(invite, false);
  else auth.show();
  auth.showOauthFailure(reason);
}

// ---- start --------------------------------------------------------------------------------

const recovery = new RecoveryView({ onDone: (notice) => auth.show(notice) });
const resetToken = resetTokenFrom(location.hash);
const verifyToken = verifyTokenFrom(location.hash);
// The reset and verification tokens must not stay in the address bar nor in history either.
if (resetToken || verifyToken) history.replaceState(null, '', '/');
const returned = oauthReturn(location.hash);
const stashedInvite = takeStashedInvite(); // read once, on every load: a stale one must not linger
// The one-time code must not stay in the address bar nor in history.
if (returned) history.replaceState(null, '', '/');
const inviteToken = inviteTokenFrom(location.pathname);
const stored = currentUser();
if (returned?.code != null) {
  finishOauth(returned.code, stashedInvite, stored);
} else if (returned) {
  failOauth(returned.error, stashedInvite, stored);
} else if (resetToken) {
  recovery.showReset(resetToken);
} else if (verifyToken) {
  verifyEmail(verifyToken).then(({ ok, message }) => {
    if (!stored) { auth.show(message); return; }
    enterApp(stored);
    toast(message, ok ? 'info' : 'error');
  });
} else if (inviteToken) {
  join.start(inviteToken, Boolean(stored)); // accepts at once when signed in
} else if (stored) {
  enterApp(stored);
} else {
  auth.show();
}
