// The web client's face of end-to-end encryption: the one E2ee engine of this tab (client.js), what an encrypted
// message shows when this device cannot read it, and the conversation's encryption dialog: whether this device
// takes part, the recovery passphrase (set it, or enter it on a new device to read the history), and a safety
// number per person to compare (aloud or by QR code on their screen), with a warning when someone's keys changed.

import { api } from '../js/api.js';
import { $, h, act, toast } from '../js/dom.js';
import { E2ee } from './client.js';
import { qrcode } from '../vendor/qrcode-generator/qrcode.mjs';

export const e2ee = new E2ee((method, path, body) => api.e2ee(method, path, body));

export const UNREADABLE = '🔒 Sent before this device joined the conversation: enter your recovery passphrase to read it.';

const warnings = new Map(); // room -> names whose keys changed

e2ee.on((event) => {
  if (event.kind === 'keys-changed') {
    warnings.set(event.room, [...new Set([...(warnings.get(event.room) ?? []), event.user])]);
    toast('Someone\'s devices or keys changed in an encrypted conversation: compare safety numbers.');
    renderWarning(event.room);
  }
});

/** Signed in: this browser becomes a device with keys (failures are reported, never block the app). */
export function startE2ee(user) {
  delete document.body.dataset.e2ee;
  e2ee.start(user)
    .then(() => { document.body.dataset.e2ee = 'ready'; }) // this device has keys on the server (tests wait for it)
    .catch((e) => {
      document.body.dataset.e2ee = 'unavailable';
      console.warn('end-to-end encryption unavailable:', e.message);
    });
}

/**
 * Signed out: this browser is no device any more (the server forgot it with the session), so its keys, group
 * states and decrypted texts go too. The history comes back on the next sign-in with the recovery passphrase.
 */
export function forgetE2ee() {
  delete document.body.dataset.e2ee;
  e2ee.forget().catch((e) => console.warn('encryption keys not forgotten:', e.message));
}

/** Texts and files for encrypted messages of a history page (or a thread's), in place. */
export async function revealPage(room, messages) {
  if (!room?.encrypted) return messages;
  await e2ee.revealPage(room.id, messages).catch((e) => console.warn('history not decrypted:', e.message));
  for (const m of messages) if (m.ciphertext && m.text == null) m.text = UNREADABLE;
  return messages;
}

/** The text (and files) of an encrypted message or edit event, in place (events of other kinds pass as they are). */
export async function revealEvent(evt) {
  await e2ee.revealEvent(evt).catch((e) => console.warn('event not decrypted:', e.message));
  const sealed = evt.type === 'message' || evt.type === 'message.edited';
  if (sealed && evt.data?.ciphertext && evt.data.text == null) evt.data.text = UNREADABLE;
  return evt;
}

let current = null; // the open room

/** The open room changed: the lock button shows for an encrypted one. */
export function showRoom(room) {
  current = room?.encrypted ? room : null;
  const button = ensureButton();
  button.hidden = !current;
  renderWarning(room?.id);
  // Opening an encrypted room brings this device up to date: it joins by its welcome, or makes the group.
  if (current) e2ee.ready?.then(() => e2ee.room(current.id).catchUp()).catch((e) => console.warn('not caught up:', e.message));
}

function ensureButton() {
  let button = $('#e2ee-button');
  if (!button) {
    button = h('button', { id: 'e2ee-button', type: 'button', class: 'btn btn-ghost', 'data-testid': 'e2ee-button',
      'aria-haspopup': 'dialog', title: 'End-to-end encrypted', onclick: () => openDialog() }, '🔒 Encrypted');
    $('#room-actions')?.prepend(button);
  }
  return button;
}

function renderWarning(roomId) {
  let line = $('#e2ee-warning');
  const names = roomId && roomId === current?.id ? warnings.get(roomId) : null;
  if (!names?.length) { line?.remove(); return; }
  if (!line) {
    line = h('p', { id: 'e2ee-warning', class: 'hint error', role: 'status', 'data-testid': 'e2ee-warning' });
    $('#room-topic')?.after(line);
  }
  line.textContent = '⚠ A member\'s devices or keys changed since you last checked: compare safety numbers.';
}

async function openDialog() {
  if (!current) return;
  let dialog = $('#e2ee-dialog');
  dialog?.remove();
  const status = h('p', { class: 'hint', 'data-testid': 'e2ee-status' },
    e2ee.room(current.id).inGroup ? 'This device takes part in this conversation\'s encryption.'
      : 'This device is not in the conversation\'s encryption group yet: it reads messages from when a member\'s device adds it. With your recovery passphrase it reads the history.');
  const passphrase = h('input', { type: 'password', 'data-testid': 'e2ee-passphrase', autocomplete: 'off',
    placeholder: 'Recovery passphrase', minlength: 12 });
  const setButton = h('button', { type: 'button', class: 'btn', 'data-testid': 'e2ee-set-passphrase' },
    e2ee.hasRecoveryKey ? 'Change recovery passphrase' : 'Set recovery passphrase');
  const unlockButton = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'e2ee-unlock' },
    'Read history with my passphrase');
  const numbers = h('ul', { class: 'people', 'data-testid': 'e2ee-safety-numbers' });
  dialog = h('dialog', { id: 'e2ee-dialog', class: 'browser', 'data-testid': 'e2ee-dialog', 'aria-label': 'Encryption' },
    h('header', { class: 'browser-head' }, h('h2', {}, '🔒 End-to-end encrypted'),
      h('button', { type: 'button', class: 'link', 'data-testid': 'e2ee-close', onclick: () => dialog.close() }, 'Close')),
    h('div', { class: 'dialog-body stack' },
      status,
      h('p', { class: 'hint' }, 'Only the members\' devices can read this conversation: not the server, its operator or its backups. Who talks to whom, and when, stays visible to them.'),
      h('label', {}, 'Recovery passphrase (at least 12 characters; the server never sees it)', passphrase),
      h('div', { class: 'invite-options' }, setButton, unlockButton),
      h('h3', {}, 'Safety numbers'),
      h('p', { class: 'hint' }, 'Compare with each person, in person or on a call. If they match, nobody stands between you.'),
      numbers));
  setButton.addEventListener('click', () => act(setButton, async () => {
    if (passphrase.value.length < 12) throw new Error('Choose a passphrase of at least 12 characters.');
    await e2ee.setPassphrase(passphrase.value);
    passphrase.value = '';
    toast('Recovery passphrase set: your key backup is sealed with it.');
    setButton.textContent = 'Change recovery passphrase';
  }, 'Could not set the passphrase'));
  unlockButton.addEventListener('click', () => act(unlockButton, async () => {
    await e2ee.unlock(passphrase.value);
    passphrase.value = '';
    location.reload(); // the room shows again, now with its history
  }, 'Could not read the history'));
  document.body.append(dialog);
  dialog.showModal();
  const { members } = await api.e2ee('GET', `/rooms/${current.id}/members`);
  for (const member of members.filter((m) => m.user !== e2ee.userId)) {
    const number = await e2ee.safetyNumber(member.user).catch(() => 'unavailable');
    numbers.append(h('li', { 'data-testid': 'e2ee-safety-number', 'data-user-id': member.user },
      h('strong', {}, member.name || 'Someone'), ' ', h('code', {}, number),
      number === 'unavailable' ? null : qrOf(`Parley safety number: ${number}`)));
  }
}

/**
 * The safety number as a QR code, drawn module by module on a canvas (no markup from a string): the other person
 * scans it with any phone camera and sees the same digits as on their own screen.
 */
function qrOf(text) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const modules = qr.getModuleCount();
  const scale = 4;
  const quiet = 4;
  const canvas = h('canvas', { 'data-testid': 'e2ee-safety-qr', role: 'img', 'aria-label': `QR code of ${text}` });
  canvas.width = canvas.height = (modules + 2 * quiet) * scale;
  const pen = canvas.getContext('2d');
  pen.fillStyle = '#fff';
  pen.fillRect(0, 0, canvas.width, canvas.height);
  pen.fillStyle = '#000';
  for (let row = 0; row < modules; row++) {
    for (let col = 0; col < modules; col++) {
      if (qr.isDark(row, col)) pen.fillRect((col + quiet) * scale, (row + quiet) * scale, scale, scale);
    }
  }
  return h('div', {}, canvas);
}

/** The DM dialog's "encrypted" choice (an element of index.html). */
export function wantsEncryption() {
  return Boolean($('#dm-encrypted')?.checked);
}
