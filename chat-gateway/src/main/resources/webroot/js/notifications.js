// Notifications in the browser: the service worker that shows Web Push notifications, subscribing
// this device (permission is asked only after a click, never on page load), telling the server which
// room is on screen (nobody is notified of what they are looking at), and the settings dialog
// (this device, email, do not disturb, and how the open room notifies me).

import { api } from './api.js';
import { connection } from './connection.js';
import { $ } from './dom.js';

const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** Registers the service worker (it shows pushes; registering asks the person nothing). */
export async function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return null;
  try {
    return await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  } catch (e) {
    console.warn('Parley: the service worker could not be registered', e);
    return null;
  }
}

/** The VAPID key from base64url to the bytes PushManager.subscribe wants. */
function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/**
 * Which room this device shows on screen: the open room while the page is visible, none while it
 * is hidden. The server leaves people out of notifications for what they are looking at.
 */
export class LookingTracker {
  #room = null;

  constructor() {
    document.addEventListener('visibilitychange', () => this.#tell());
  }

  roomOpened(id) {
    this.#room = id ?? null;
    this.#tell();
  }

  #tell() {
    connection.looking(document.visibilityState === 'visible' ? this.#room : null);
  }
}

export class NotificationSettings {
  #dialog = $('#notify-dialog');
  #els = {
    open: $('#notify-open'), form: $('#notify-form'), device: $('#notify-device'),
    deviceState: $('#notify-device-state'), email: $('#notify-email'), dnd: $('#notify-dnd'),
    start: $('#notify-dnd-start'), end: $('#notify-dnd-end'), timezone: $('#notify-timezone'),
    roomSection: $('#notify-room-section'), roomTitle: $('#notify-room-title'), level: $('#notify-level'),
    mute: $('#notify-mute'), muted: $('#notify-muted'), error: $('#notify-error'),
  };
  #getRoom;
  #zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

  /** getRoom(): the open room { id, name } or null, with roomName(room) to show it. */
  constructor({ getRoom, roomName }) {
    this.#getRoom = () => { const room = getRoom(); return room ? { id: room.id, name: roomName(room) } : null; };
    const els = this.#els;
    els.open.addEventListener('click', () => this.open());
    $('#notify-close').addEventListener('click', () => this.#dialog.close());
    els.device.addEventListener('click', () => this.#toggleDevice());
    els.form.addEventListener('submit', (e) => { e.preventDefault(); this.#save(); });
  }

  async open() {
    const els = this.#els;
    els.error.hidden = true;
    els.timezone.textContent = `Times are in your time zone, ${this.#zone}.`;
    if (!this.#dialog.open) this.#dialog.showModal();
    await this.#showDevice();
    try {
      const mine = await api.notificationSettings();
      els.email.checked = Boolean(mine.email);
      els.dnd.checked = Boolean(mine.doNotDisturb);
      if (mine.doNotDisturb) {
        els.start.value = mine.doNotDisturb.start;
        els.end.value = mine.doNotDisturb.end;
      }
      const room = this.#getRoom();
      els.roomSection.hidden = !room;
      if (room) {
        const settings = await api.roomNotifications(room.id);
        els.roomTitle.textContent = room.name;
        els.level.value = settings.level;
        els.mute.value = 'keep';
        els.muted.textContent = settings.mutedUntil && settings.mutedUntil > Date.now()
          ? `Muted until ${new Date(settings.mutedUntil).toLocaleString()}` : '';
      }
    } catch (e) {
      this.#fail(e);
    }
  }

  async #save() {
    const els = this.#els;
    els.error.hidden = true;
    try {
      await api.setNotificationSettings({
        email: els.email.checked,
        doNotDisturb: els.dnd.checked ? { start: els.start.value, end: els.end.value, timeZone: this.#zone } : null,
      });
      const room = this.#getRoom();
      if (room) {
        const changes = { level: els.level.value };
        if (els.mute.value !== 'keep') {
          const ms = Number(els.mute.value);
          changes.mutedUntil = ms > 0 ? Date.now() + ms : null;
        }
        await api.setRoomNotifications(room.id, changes);
      }
      this.#dialog.close();
    } catch (e) {
      this.#fail(e);
    }
  }

  /** This device's state: subscribed, blocked by the browser, or off. */
  async #showDevice() {
    const els = this.#els;
    if (!supported()) {
      els.deviceState.textContent = 'This browser cannot show notifications.';
      els.device.hidden = true;
      return;
    }
    const subscription = await this.#subscription();
    const blocked = Notification.permission === 'denied';
    els.device.hidden = blocked && !subscription;
    els.device.textContent = subscription ? 'Turn off notifications on this device' : 'Turn on notifications on this device';
    els.device.dataset.on = subscription ? 'true' : 'false';
    els.deviceState.textContent = subscription ? 'This device shows notifications.'
      : blocked ? 'Notifications are blocked for Parley in this browser\u2019s site settings.'
        : 'This device shows no notifications.';
  }

  async #subscription() {
    const registration = await navigator.serviceWorker.getRegistration('/');
    return registration ? registration.pushManager.getSubscription() : null;
  }

  /** On a click only: asks for permission, subscribes and tells the server (or the reverse). */
  async #toggleDevice() {
    const els = this.#els;
    els.error.hidden = true;
    els.device.disabled = true;
    try {
      const current = await this.#subscription();
      if (current) {
        await api.unsubscribePush(current.endpoint).catch(() => {});
        await current.unsubscribe();
      } else {
        const permission = await Notification.requestPermission();
        if (permission !== 'granted') {
          await this.#showDevice();
          return;
        }
        const registration = (await registerServiceWorker()) && await navigator.serviceWorker.ready;
        if (!registration) throw new Error('The service worker is not running');
        const { publicKey } = await api.pushKey();
        const subscription = await registration.pushManager.subscribe({
          userVisibleOnly: true, applicationServerKey: keyBytes(publicKey),
        });
        await api.subscribePush(subscription.toJSON());
      }
      await this.#showDevice();
    } catch (e) {
      this.#fail(e);
    } finally {
      els.device.disabled = false;
    }
  }

  #fail(e) {
    this.#els.error.textContent = e?.message || 'Something went wrong';
    this.#els.error.hidden = false;
  }
}
