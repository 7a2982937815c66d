// The welcome hint for someone who has just signed up: what #general is, how to find channels, start
// a DM and use / commands. Shown above the chat until dismissed; dismissed once, it stays so (kept in
// localStorage per person, on this browser). Only an account created in this browser gets it: signing
// in to an older account is not the moment for a welcome.

import { $ } from './dom.js';

const key = (userId) => `parley.onboarding.${userId}`;
const PENDING = 'pending';
const DISMISSED = 'dismissed';

function read(userId) {
  try { return localStorage.getItem(key(userId)); } catch { return null; }
}

function write(userId, state) {
  try { localStorage.setItem(key(userId), state); } catch { /* a hint is a convenience only */ }
}

/** A new account was made here: greet it once it enters the app. Returns the user, for chaining. */
export function noteSignedUp(user) {
  if (user?.id && read(user.id) !== DISMISSED) write(user.id, PENDING);
  return user;
}

export class OnboardingHint {
  #el = $('#onboarding');
  #name = $('#onboarding-name');
  #userId = null;

  constructor() {
    $('#onboarding-dismiss').addEventListener('click', () => this.#dismiss());
  }

  /** Signed in as `user`: show the hint if this account is new here and has not dismissed it. */
  show(user) {
    this.#userId = user?.id ?? null;
    const due = Boolean(this.#userId) && read(this.#userId) === PENDING;
    this.#name.textContent = user?.name ? `, ${user.name}` : '';
    this.#el.hidden = !due;
  }

  hide() {
    this.#userId = null;
    this.#el.hidden = true;
  }

  #dismiss() {
    if (this.#userId) write(this.#userId, DISMISSED);
    this.#el.hidden = true;
  }
}
