// The join page, for invite links: <origin>/invite/<token> (the server answers that path with
// index.html). Signed out: say who invited whom to what, and accept once signed in or up.
// Signed in: accept at once. Then the address goes back to "/" and the app opens the room.
// A spent, revoked or unknown invite shows the server's reason and a link into the app.

import { api } from './api.js';
import { $ } from './dom.js';

/** The invite token in a path like "/invite/<token>", or null. */
export function inviteTokenFrom(pathname) {
  const match = /^\/invite\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try { return decodeURIComponent(match[1]); } catch { return null; }
}

export class JoinView {
  #token = null;
  #accepting = false;
  #onAccepted;
  #onNeedsAccount;
  #onFailed;
  #els = {
    root: $('#join-view'), loading: $('#join-loading'), invite: $('#join-invite'),
    inviter: $('#join-inviter'), roomName: $('#join-room-name'), hint: $('#join-hint'),
    failure: $('#join-failure'), error: $('#invite-error'), appLink: $('#join-app-link'),
  };

  /**
   * onAccepted(room): the invite was accepted; the address is "/" again.
   * onNeedsAccount(): show the sign-in / sign-up forms under the invitation.
   * onFailed(): the invite cannot be used; only the error (and its link into the app) should show.
   */
  constructor({ onAccepted, onNeedsAccount, onFailed }) {
    this.#onAccepted = onAccepted;
    this.#onNeedsAccount = onNeedsAccount;
    this.#onFailed = onFailed;
  }

  /** True while an invite is waiting to be accepted (so a sign-in should accept it). */
  get pending() { return this.#token != null; }

  /** The invite waiting to be accepted, or null (kept across a provider sign-in: see oauth.js). */
  get token() { return this.#token; }

  /** Start with the token from the address; signedIn: there is a stored session. */
  async start(token, signedIn) {
    this.#token = token;
    this.#show('loading');
    if (signedIn) { await this.accept(); return; }
    await this.#describe();
  }

  /** Accept the pending invite with the current session. */
  async accept() {
    if (!this.#token || this.#accepting) return;
    this.#accepting = true;
    this.#els.loading.textContent = 'Joining…';
    this.#show('loading');
    try {
      const { room } = await api.acceptInvite(this.#token);
      this.#token = null;
      this.hide();
      history.replaceState(null, '', '/');
      this.#onAccepted(room);
    } catch (e) {
      if (e.status === 401) {
        // The stored session was dead (onSignedOut has shown the sign-in form): describe the
        // invitation again and accept after the next sign-in.
        await this.#describe();
      } else {
        this.#fail(e);
      }
    } finally {
      this.#accepting = false;
    }
  }

  hide() {
    this.#els.root.hidden = true;
    document.body.classList.remove('joining');
  }

  async #describe() {
    try {
      const { room, inviter } = await api.inviteInfo(this.#token);
      this.#els.inviter.textContent = inviter || 'Someone';
      this.#els.roomName.textContent = room?.name || 'a conversation';
      this.#els.roomName.dataset.kind = room?.kind ?? '';
      this.#show('invite');
      this.#onNeedsAccount();
    } catch (e) {
      this.#fail(e);
    }
  }

  #fail(e) {
    // 404 not_found, 410 gone, 403 forbidden (e.g. banned): the server's own words say which.
    // Not reaching the server (status 0) says nothing about the invite: offer to try again.
    const offline = e.status === 0;
    const link = this.#els.appLink;
    link.textContent = offline ? 'Try again' : 'Go to Parley';
    link.href = offline ? location.pathname : '/';
    if (!offline) this.#token = null;
    this.#els.error.textContent = e.message || 'This invite cannot be used.';
    this.#els.error.dataset.code = e.code ?? '';
    this.#show('failure');
    this.#onFailed();
  }

  /** One of 'loading' | 'invite' | 'failure'. */
  #show(part) {
    const els = this.#els;
    els.root.hidden = false;
    document.body.classList.add('joining');
    els.loading.hidden = part !== 'loading';
    els.invite.hidden = part !== 'invite';
    els.failure.hidden = part !== 'failure';
  }
}
