// Invites for the open room: create a link (uses and expiry presets), copy it, invite by email,
// list the room's invites with their state, revoke them.
// The server keeps only a hash of each token: a link's URL exists in the create answer alone, so
// it is shown once, right after creating it, and the list cannot show it again.

import { api } from './api.js';
import { $, h, act, toast, formatDateTime, toMillis } from './dom.js';

const POLL_EVERY_MS = 3000;
const POLL_MAX = 40;        // ~2 minutes: mail that is still queued after that is not worth watching live
const COPIED_FOR_MS = 2000;
// Loose on purpose: the server validates addresses; this only catches obvious slips early.
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Where an invite stands, one word: what the list shows in invite-status. */
export function inviteStatus(invite, now = Date.now()) {
  if (invite.revoked) return 'revoked';
  if (invite.email && invite.emailStatus === 'accepted') return 'accepted';
  const expires = toMillis(invite.expiresAt);
  if (Number.isFinite(expires) && expires <= now) return 'expired';
  if (invite.maxUses != null && (invite.uses ?? 0) >= invite.maxUses) return 'used up';
  if (invite.email) return invite.emailStatus || 'queued';
  return 'active';
}

const OPEN_STATES = new Set(['active', 'queued', 'sent', 'failed']);

export class InviteDialog {
  #dialog = $('#invite-dialog');
  #room = null;
  #gen = 0;
  #pollTimer = null;
  #polls = 0;
  #els = {
    title: $('#invite-title'), maxUses: $('#invite-max-uses'), expires: $('#invite-expires'),
    create: $('#invite-create'), result: $('#invite-result'), url: $('#invite-url'), copy: $('#invite-copy'),
    emails: $('#invite-emails'), emailSend: $('#invite-email-send'), emailNote: $('#invite-email-note'),
    list: $('#invite-list'),
  };

  constructor() {
    const els = this.#els;
    $('#invite-close').addEventListener('click', () => this.close());
    this.#dialog.addEventListener('close', () => this.#stopPolling());
    els.create.addEventListener('click', () => this.#create());
    els.copy.addEventListener('click', () => this.#copy());
    els.emailSend.addEventListener('click', () => this.#sendEmails());
  }

  get isOpen() { return this.#dialog.open; }

  open(room) {
    this.#room = room;
    this.#gen++;
    const els = this.#els;
    els.title.textContent = `Invite people to ${room.name || 'this room'}`;
    els.result.hidden = true;
    this.#setUrl('');
    els.emailNote.textContent = '';
    els.list.replaceChildren(h('li', { class: 'hint' }, 'Loading…'));
    if (!this.#dialog.open) this.#dialog.showModal();
    this.#loadList();
  }

  close() {
    this.#room = null;
    this.#gen++;
    if (this.#dialog.open) this.#dialog.close();
  }

  /** The open room changed or lost its invite rights: a dialog for another room must not stay up. */
  closeUnless(roomId, allowed) {
    if (this.isOpen && (!allowed || this.#room?.id !== roomId)) this.close();
  }

  // ---- links ------------------------------------------------------------------------------

  async #create() {
    const room = this.#room;
    if (!room) return;
    const maxUses = Number(this.#els.maxUses.value);
    const expiresIn = Number(this.#els.expires.value);
    const options = {
      maxUses: Number.isFinite(maxUses) && maxUses > 0 ? maxUses : undefined,     // "unlimited"
      expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined, // "never"
    };
    const gen = this.#gen;
    await act(this.#els.create, async () => {
      const { invite } = await api.createInvite(room.id, options);
      if (gen !== this.#gen) return;
      this.#setUrl(invite?.url ?? '');
      this.#els.result.hidden = false;
      this.#els.url.focus();
      this.#els.url.select();
      await this.#loadList();
    }, 'Could not create the invite');
  }

  #setUrl(url) {
    const input = this.#els.url;
    input.value = url;
    // Also as the element's text, so anything reading textContent (not only .value) finds the URL.
    input.textContent = url;
    input.dataset.url = url;
  }

  /** navigator.clipboard needs a secure context (https or localhost); otherwise select and copy. */
  async #copy() {
    const { url, copy } = this.#els;
    if (!url.value) return;
    let copied = false;
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(url.value);
        copied = true;
      }
    } catch { /* not allowed here: fall back below */ }
    if (!copied) {
      url.focus();
      url.select();
      try { copied = document.execCommand('copy'); } catch { copied = false; }
    }
    if (copied) {
      copy.textContent = 'Copied';
      copy.dataset.copied = 'true';
      setTimeout(() => { copy.textContent = 'Copy'; delete copy.dataset.copied; }, COPIED_FOR_MS);
    } else {
      toast('The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.', 'info');
    }
  }

  // ---- email ------------------------------------------------------------------------------

  async #sendEmails() {
    const room = this.#room;
    if (!room) return;
    const { emails: box, emailNote, emailSend } = this.#els;
    const emails = [...new Set(box.value.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
    if (!emails.length) {
      emailNote.textContent = 'Enter one or more email addresses.';
      return;
    }
    const odd = emails.filter((e) => !LOOKS_LIKE_EMAIL.test(e));
    if (odd.length) {
      emailNote.textContent = `Not an email address: ${odd.join(', ')}`;
      return;
    }
    const gen = this.#gen;
    await act(emailSend, async () => {
      const { invites } = await api.emailInvites(room.id, emails);
      if (gen !== this.#gen) return;
      box.value = '';
      const n = invites?.length ?? emails.length;
      emailNote.textContent = `${n} invitation${n === 1 ? '' : 's'} on the way.`;
      await this.#loadList();
    }, 'Could not send the invitations');
  }

  // ---- the list ---------------------------------------------------------------------------

  async #loadList() {
    const room = this.#room;
    if (!room) return;
    const gen = this.#gen;
    try {
      const { invites } = await api.invites(room.id);
      if (gen !== this.#gen) return;
      this.#renderList(invites ?? []);
    } catch (e) {
      if (gen !== this.#gen) return;
      this.#els.list.replaceChildren(h('li', { class: 'hint error' }, `Could not load the invites: ${e.message}`));
    }
  }

  #renderList(invites) {
    const now = Date.now();
    // Newest first; the server's order is kept when there are no creation times.
    const sorted = [...invites].sort((a, b) => (toMillis(b.createdAt) || 0) - (toMillis(a.createdAt) || 0));
    this.#els.list.replaceChildren(...sorted.map((invite) => this.#item(invite, now)));
    if (!sorted.length) this.#els.list.append(h('li', { class: 'hint' }, 'No invites yet.'));
    // Email goes out in the background: watch queued ones until they are sent (or fail).
    if (sorted.some((i) => inviteStatus(i, now) === 'queued')) this.#pollSoon();
    else this.#stopPolling();
  }

  #item(invite, now) {
    const status = inviteStatus(invite, now);
    const uses = invite.maxUses != null ? `${invite.uses ?? 0}/${invite.maxUses} uses` : `${invite.uses ?? 0} uses, no limit`;
    const expires = invite.expiresAt != null ? `expires ${formatDateTime(invite.expiresAt)}` : 'never expires';
    const details = [
      !invite.email && uses,
      !invite.email && expires,
      invite.creatorName && `by ${invite.creatorName}`,
      invite.createdAt != null && formatDateTime(invite.createdAt),
    ].filter(Boolean).join(' · ');
    const revoke = !invite.revoked && OPEN_STATES.has(status) && h('button', {
      type: 'button', class: 'link danger', 'data-testid': 'invite-revoke',
      onclick: (e) => act(e.currentTarget, async () => {
        await api.revokeInvite(this.#room.id, invite.id);
        await this.#loadList();
      }, 'Could not revoke the invite'),
    }, 'Revoke');
    return h('li', { class: 'invite', 'data-testid': 'invite-item', 'data-invite-id': invite.id, 'data-status': status },
      h('div', { class: 'invite-main' },
        h('span', { class: 'invite-what' }, invite.email || 'Invite link'),
        h('span', { class: `invite-status status-${status.replace(' ', '-')}`, 'data-testid': 'invite-status', 'data-status': status }, status)),
      h('div', { class: 'invite-details' }, details, revoke));
  }

  #pollSoon() {
    if (this.#pollTimer || this.#polls >= POLL_MAX || !this.isOpen) return;
    this.#pollTimer = setTimeout(() => {
      this.#pollTimer = null;
      this.#polls++;
      this.#loadList();
    }, POLL_EVERY_MS);
  }

  #stopPolling() {
    clearTimeout(this.#pollTimer);
    this.#pollTimer = null;
    this.#polls = 0;
  }
}
