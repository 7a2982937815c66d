// Whether this device is in use, for presence: after 10 minutes without input (pointer, keys, focus)
// it tells the server it is idle, and on the next input that it is back (protocol 4.7). A person is
// away when all their devices are idle. A hidden page gets no input, so 10 minutes hidden is idle
// too; coming back to the page counts as input. connection.js repeats the state after a reconnect.

import { connection } from './connection.js';

const IDLE_AFTER_MS = 10 * 60_000;
const INPUTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'];

export class IdleTracker {
  #running = false;
  #idle = false;
  #lastInput = Date.now();
  #timer = null;

  constructor() {
    // Capture, on the window: focus does not bubble, and no handler may stop an input from counting.
    const input = () => this.#input();
    for (const type of INPUTS) addEventListener(type, input, { capture: true, passive: true });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.#input();
    });
  }

  get idle() { return this.#idle; }

  /** Signed in: this device is in use now. */
  start() {
    this.#running = true;
    this.#idle = false;
    this.#lastInput = Date.now();
    this.#checkIn(IDLE_AFTER_MS);
  }

  stop() {
    this.#running = false;
    this.#idle = false;
    clearTimeout(this.#timer);
  }

  #input() {
    // Only a time is kept on each input (pointermove fires often); the timer looks at it when due.
    this.#lastInput = Date.now();
    if (!this.#running || !this.#idle) return;
    this.#idle = false;
    connection.activity(false);
    this.#checkIn(IDLE_AFTER_MS);
  }

  #checkIn(ms) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#check(), ms);
  }

  #check() {
    if (!this.#running) return;
    const quiet = Date.now() - this.#lastInput;
    if (quiet < IDLE_AFTER_MS) { this.#checkIn(IDLE_AFTER_MS - quiet); return; }
    this.#idle = true;
    connection.activity(true);
  }
}
