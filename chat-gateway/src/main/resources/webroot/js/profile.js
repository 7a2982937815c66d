// The profile dialog (opened from my name at the foot of the sidebar): display name, handle and
// picture, and whether my email address is verified (with a way to get another link while it is
// not). Password and sessions, in the same dialog, are security.js.
//
// Pictures go up as the raw file (PUT /me/avatar); the server checks what the bytes really are and
// answers with my profile under a new avatarVersion. There is no local preview before the upload:
// the page's Content-Security-Policy allows no blob: images, and the server's version is the truth.

import { api } from './api.js';
import { $, h } from './dom.js';
import { bindAvatar } from './users.js';
import { SecuritySection } from './security.js';

export const HANDLE_PATTERN = /^[a-z0-9_]{2,30}$/;
const MAX_NAME = 80; // Bounds.PERSON_NAME on the server
const MAX_PICTURE_BYTES = 5 * 1024 * 1024; // 5 MiB, as the server
const PICTURE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** What someone typed as a handle, the way it is stored: no leading "@", lower case, trimmed. */
export function normalizeHandle(text) {
  return String(text ?? '').trim().replace(/^@/, '').toLowerCase();
}

/** Why a handle is not acceptable, or null when it is. */
export function handleProblem(handle) {
  if (handle.length < 2 || handle.length > 30) return 'A handle has 2 to 30 characters.';
  if (!HANDLE_PATTERN.test(handle)) return 'A handle may use only lowercase letters, digits and _.';
  return null;
}

const megabytes = (bytes) => (bytes / (1024 * 1024)).toFixed(1);

export class ProfileDialog {
  #dialog = $('#profile-dialog');
  #els = {
    form: $('#profile-form'), name: $('#profile-name'), handle: $('#profile-handle'),
    save: $('#profile-form [type=submit]'), error: $('#profile-error'), note: $('#profile-note'),
    avatar: $('#profile-avatar'), file: $('#avatar-input'), remove: $('#avatar-remove'),
  };
  // My address and whether it is verified (email-status), and "Email me a link" (email-verify-send).
  #emailStatus = h('p', { class: 'hint', 'data-testid': 'email-status', role: 'status' });
  #emailSend = h('button', { type: 'button', class: 'link', 'data-testid': 'email-verify-send', hidden: true,
    onclick: () => this.#sendVerification() }, 'Email me a link to verify it');
  #busy = false;  // an upload or removal in flight
  #gen = 0;       // bumped on open and close: answers for an earlier opening are dropped
  #getMe;
  #onMeChanged;
  #security;

  /**
   * getMe() -> the signed-in user.
   * onMeChanged(user): the server answered with my updated profile (name, handle, picture).
   * onSignedOutEverywhere(): every session has just ended, this one included.
   */
  constructor({ getMe, onMeChanged, onSignedOutEverywhere }) {
    this.#getMe = getMe;
    this.#onMeChanged = onMeChanged;
    this.#security = new SecuritySection({ getMe, onSignedOutEverywhere });
    const els = this.#els;
    $('#profile-open').addEventListener('click', () => this.open());
    $('#profile-close').addEventListener('click', () => this.close());
    this.#dialog.addEventListener('close', () => { this.#gen++; });
    els.form.addEventListener('submit', (e) => { e.preventDefault(); this.#save(); });
    els.handle.addEventListener('input', () => {
      // Handles are lower case: show it as it will be stored, keeping the caret where it was.
      const { value, selectionStart, selectionEnd } = els.handle;
      const lower = value.toLowerCase();
      if (lower !== value && lower.length === value.length) {
        els.handle.value = lower;
        els.handle.setSelectionRange(selectionStart, selectionEnd);
      }
      els.handle.removeAttribute('aria-invalid');
    });
    els.name.addEventListener('input', () => els.name.removeAttribute('aria-invalid'));
    els.file.addEventListener('change', () => this.#upload());
    els.remove.addEventListener('click', () => this.#removePicture());
    els.form.after(h('div', { class: 'panel-section' }, this.#emailStatus, this.#emailSend));
  }

  get isOpen() { return this.#dialog.open; }

  open() {
    const me = this.#getMe();
    if (!me) return;
    this.#gen++;
    this.#showError(null);
    this.#els.note.textContent = '';
    this.#fill(me, true);
    this.#security.open();
    if (!this.#dialog.open) this.#dialog.showModal();
    this.#els.name.focus();
    // The copy of me may be stale (renamed on another device): fill again from the server,
    // unless the user has started typing.
    const gen = this.#gen;
    api.me().then((user) => {
      if (gen === this.#gen && user) { this.#onMeChanged(user); this.#fill(this.#getMe(), false); }
    }).catch((e) => console.warn('profile refresh failed:', e.message));
  }

  close() {
    if (this.#dialog.open) this.#dialog.close();
  }

  /** My profile changed (here, on another device, a user.updated event): show it. */
  meChanged(me) {
    if (this.isOpen && me) this.#fill(me, false);
  }

  /** force: also overwrite fields the user is editing. */
  #fill(me, force) {
    const { name, handle, avatar } = this.#els;
    bindAvatar(avatar, me.id, 256);
    if (force || document.activeElement !== name) name.value = me.name ?? '';
    if (force || document.activeElement !== handle) handle.value = me.handle ?? '';
    if (force) { name.removeAttribute('aria-invalid'); handle.removeAttribute('aria-invalid'); }
    if (force || me.emailVerified) {
      this.#emailStatus.textContent = me.emailVerified ? `Your email address ${me.email ?? ''} is verified.`
        : `Your email address ${me.email ?? ''} is not verified yet.`;
      this.#emailSend.hidden = Boolean(me.emailVerified);
    }
  }

  async #sendVerification() {
    this.#emailSend.disabled = true;
    try {
      await api.requestEmailVerification();
      this.#emailStatus.textContent = 'A link is on its way to your email address. It works once.';
    } catch (e) {
      this.#emailStatus.textContent = e.message;
    } finally {
      this.#emailSend.disabled = false;
    }
  }

  #showError(message, field) {
    const { error, name, handle } = this.#els;
    error.textContent = message ?? '';
    error.hidden = !message;
    if (message) this.#els.note.textContent = '';
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    } else if (!message) {
      name.removeAttribute('aria-invalid');
      handle.removeAttribute('aria-invalid');
    }
  }

  // ---- name and handle --------------------------------------------------------------------

  async #save() {
    const me = this.#getMe();
    if (!me) return;
    const { name, handle, save, note } = this.#els;
    const newName = name.value.trim();
    const newHandle = normalizeHandle(handle.value);
    handle.value = newHandle;
    if (!newName) { this.#showError('Enter a display name.', name); return; }
    if (newName.length > MAX_NAME) { this.#showError(`A display name has at most ${MAX_NAME} characters.`, name); return; }
    const changes = {};
    if (newName !== me.name) changes.name = newName;
    // No handle yet and none typed: nothing to say. Clearing an existing one is not possible.
    if (newHandle !== (me.handle ?? '') && (newHandle || me.handle)) {
      const problem = handleProblem(newHandle);
      if (problem) { this.#showError(problem, handle); return; }
      changes.handle = newHandle;
    }
    this.#showError(null);
    if (!Object.keys(changes).length) { note.textContent = 'Nothing to save: no changes.'; return; }
    const gen = this.#gen;
    save.disabled = true;
    note.textContent = 'Saving…';
    try {
      const user = await api.updateMe(changes);
      if (user) this.#onMeChanged(user);
      if (gen !== this.#gen) return;
      this.#fill(this.#getMe(), true);
      note.textContent = 'Profile saved.';
    } catch (e) {
      if (gen !== this.#gen) return;
      note.textContent = '';
      // 409: the handle is taken (in any letter case). Said next to the field it is about.
      const field = e.status === 409 || (e.status === 400 && 'handle' in changes && !('name' in changes)) ? handle
        : e.status === 400 && 'name' in changes && !('handle' in changes) ? name : null;
      this.#showError(e.message, field);
    } finally {
      save.disabled = false;
    }
  }

  // ---- picture ----------------------------------------------------------------------------

  #setBusy(busy, text = '') {
    this.#busy = busy;
    this.#els.file.disabled = busy;
    this.#els.remove.disabled = busy;
    this.#els.note.textContent = text;
  }

  async #upload() {
    const { file: input } = this.#els;
    const file = input.files?.[0];
    input.value = ''; // so that choosing the same file again (after fixing it) fires change again
    if (!file || this.#busy) return;
    // The server sniffs the bytes anyway; these only spare a pointless upload.
    if (file.type && !PICTURE_TYPES.has(file.type)) {
      this.#showError('That is not a picture Parley can use: choose a PNG, JPEG, GIF or WebP file.');
      return;
    }
    if (file.size > MAX_PICTURE_BYTES) {
      this.#showError(`That picture is ${megabytes(file.size)} MB; the limit is 5 MB.`);
      return;
    }
    if (file.size === 0) {
      this.#showError('That file is empty.');
      return;
    }
    await this.#pictureChange(() => api.uploadAvatar(file), 'Uploading your picture…', 'Picture updated.');
  }

  async #removePicture() {
    if (this.#busy) return;
    await this.#pictureChange(() => api.removeAvatar(), 'Removing your picture…', 'Picture removed.');
  }

  async #pictureChange(call, working, done) {
    const gen = this.#gen;
    this.#showError(null);
    this.#setBusy(true, working);
    try {
      const user = await call();
      if (user) this.#onMeChanged(user); // new avatarVersion: every picture of me follows
      if (gen === this.#gen) this.#els.note.textContent = done;
    } catch (e) {
      if (gen === this.#gen) { this.#els.note.textContent = ''; this.#showError(e.message); }
    } finally {
      this.#setBusy(false, gen === this.#gen ? this.#els.note.textContent : '');
    }
  }
}
