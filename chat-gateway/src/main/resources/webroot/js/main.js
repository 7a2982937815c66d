// Parley web client: wires the feature modules together.
//
// data-testid attributes a browser test can drive:
//   auth-view (data-mode="signin"|"signup"), auth-toggle, auth-error
//   signin-email, signin-password, signin-submit
//   signup-name, signup-email, signup-password, signup-submit
//   connection-status (data-state="online"|"offline"|"connecting"), current-user, signout, sidebar-toggle
//   room-list; room-item (data-room-id, data-kind, aria-current="page" when open) > room-name, room-unread
//   create-channel-name, create-channel-private (checkbox), create-channel-submit
//   browse-channels, channel-browser (a <dialog>), channel-browser-close,
//   channel-item (data-room-id) > channel-name, channel-join | channel-open
//   chat-empty, room-title, room-topic, load-older, typing-indicator
//   message-list; message (data-seq once stored, data-cid while unacked,
//     data-state="sent"|"pending"|"failed", data-sender) > message-sender, message-text,
//     message-status, message-retry, message-discard (unacked only); system-message (data-seq)
//   composer-input, composer-send, toast

import { api, currentUser, onSignedOut } from './api.js';
import { connection } from './connection.js';
import { AuthView } from './auth.js';
import { RoomList } from './rooms.js';
import { ChatView } from './chat.js';
import { $, toast } from './dom.js';

let me = null;
let connects = 0;

const app = $('#app-view');
const status = $('#connection-status');
const STATUS_TEXT = { online: 'Online', connecting: 'Connecting…', offline: 'Offline' };

const auth = new AuthView({ onSignedIn: (user) => enterApp(user) });
const chat = new ChatView({ getMe: () => me, onRead: (id) => rooms.markRead(id) });
const rooms = new RoomList({
  onSelect: (id) => { location.hash = `#/room/${encodeURIComponent(id)}`; },
  // Follow every room of mine, so unread counts move while it is not open.
  onAdded: (room) => connection.subscribe(room.id, room.lastSeq),
});

// ---- connection -> views ------------------------------------------------------------------

connection.on('state', (state) => {
  status.dataset.state = state;
  status.textContent = STATUS_TEXT[state];
});

connection.on('hello', () => {
  // After a reconnect, pick up rooms I was added to meanwhile (the rest resumes with `since`).
  if (++connects > 1) rooms.syncSoon();
});

connection.on('event', (evt) => {
  if (!rooms.get(evt.room)) rooms.syncSoon(); // a room I have just been added to
  const open = evt.room === chat.roomId;
  rooms.noteEvent(evt, me?.id, open && document.visibilityState === 'visible');
  if (open) chat.onEvent(evt);
});

connection.on('gap', ({ room, from, to }) => {
  if (room === chat.roomId) chat.fillGap(from, to);
  else rooms.syncSoon(); // a closed room only needs its unread count, which the server knows
});

connection.on('ack', (ack) => chat.onAck(ack));
connection.on('sendFailed', (failure) => {
  if (failure.room === chat.roomId) chat.onSendFailed(failure);
  else toast(`A message was not sent: ${failure.msg || failure.code}`);
});
connection.on('error', (f) => {
  if (f.code === 'rate_limited' && f.cid == null) return; // e.g. typing notices: harmless
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
  if (!room) { rooms.setActive(null); chat.close(); return; }
  rooms.setActive(room.id);
  if (chat.roomId !== room.id) chat.open(room);
}

addEventListener('hashchange', showRoomFromHash);

// ---- signing in and out -------------------------------------------------------------------

async function enterApp(user) {
  me = user;
  connects = 0;
  auth.hide();
  app.hidden = false;
  $('#current-user').textContent = user?.name ?? '';
  chat.close();
  connection.start(); // subscriptions are sent once the server says hello
  try {
    await rooms.sync();
  } catch (e) {
    toast(`Could not load your rooms: ${e.message}`);
  }
  showRoomFromHash();
}

function leaveApp(notice) {
  me = null;
  connection.stop();
  chat.close();
  rooms.clear();
  app.hidden = true;
  auth.show(notice);
}

onSignedOut(() => leaveApp('Your session has ended. Please sign in again.'));

$('#signout').addEventListener('click', async () => {
  leaveApp();
  history.replaceState(null, '', location.pathname);
  await api.logout();
});

$('#sidebar-toggle').addEventListener('click', () => app.classList.toggle('sidebar-open'));
$('#scrim').addEventListener('click', () => app.classList.remove('sidebar-open'));

// ---- start --------------------------------------------------------------------------------

const stored = currentUser();
if (stored) {
  enterApp(stored);
  // The stored profile may be stale (renamed elsewhere); a dead session signs out through onSignedOut.
  api.me().then((user) => {
    if (me && user) { me = user; $('#current-user').textContent = user.name ?? ''; }
  }).catch((e) => console.warn('profile check failed:', e.message));
} else {
  auth.show();
}
