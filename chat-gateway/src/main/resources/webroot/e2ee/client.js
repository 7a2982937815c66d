// End-to-end encryption of DMs and group DMs with MLS (RFC 9420, docs/e2ee.md), through ts-mls. This browser is one
// device: its own MLS signature key and one-time key packages, each encrypted room's group state, all in IndexedDB
// (keystore.js). The server only relays: key packages, commits (as `e2ee.commit` events in the room's seq) and
// welcomes, and stores messages as MLS ciphertext. Rooms are processed one event at a time, in seq order, through
// GET /rooms/{id}/events, so every device applies the same commits between the same messages.

import * as mls from '../vendor/ts-mls/ts-mls.esm.js';
import { Keystore, b64, unb64, utf8 } from './keystore.js';
import * as recovery from './recovery.js';

const SUITE = 'MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519';
const KEY_PACKAGES = 10;        // uploaded at once
const KEY_PACKAGES_LOW = 4;     // fewer unused than this: upload more
const config = {
  keyRetentionConfig: mls.defaultKeyRetentionConfig,
  lifetimeConfig: mls.defaultLifetimeConfig,
  keyPackageEqualityConfig: mls.defaultKeyPackageEqualityConfig,
  paddingConfig: mls.defaultPaddingConfig,
  authService: mls.defaultAuthenticationService,
};
const decoder = new TextDecoder();

let suitePromise;
const suite = () => (suitePromise ??= mls.getCiphersuiteImpl(mls.getCiphersuiteFromName(SUITE)));

const encodeKeyPackage = (keyPackage) => b64(mls.encodeMlsMessage(
  { keyPackage, wireformat: 'mls_key_package', version: 'mls10' }));
const identityOf = (leaf) => decoder.decode(leaf.credential.identity);
const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
/**
 * What a message says, as its MLS plaintext carries it: `{text, files?}` (files: e2ee/files.js). Texts kept by an
 * earlier version of this client are plain strings.
 */
const contentOf = (kept) => (kept == null || typeof kept === 'object' ? kept : { text: kept });
const isEdited = (data) => (data.editedAt ?? data.editedTs) != null;

async function digest(text) {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text)))).slice(0, 40);
}

/** The group's members as MLS sees them: leaf index and `user/device` identity of each leaf. */
function leaves(state) {
  const found = [];
  state.ratchetTree.forEach((node, index) => {
    if (node?.nodeType === 'leaf') found.push({ index: index / 2, identity: identityOf(node.leaf), key: node.leaf.signaturePublicKey });
  });
  return found;
}

export class E2ee {
  #request;           // (method, path, body) -> JSON, authenticated
  #user;
  #store;
  #device;            // { id, signatureKey }
  #signature;         // { publicKey, signKey }
  #rooms = new Map(); // room id -> RoomCrypto
  #recoveryKey = null;
  #listeners = new Set();
  ready = null;

  constructor(request) {
    this.#request = request;
  }

  /** Signed in: this browser becomes (or stays) a device with keys, and has key packages on the server. */
  start(user, deviceName = navigator.userAgent.slice(0, 80)) {
    this.ready = this.#start(user, deviceName);
    return this.ready;
  }

  async #start(user, deviceName) {
    this.#user = user;
    this.#rooms.clear();
    this.#store = await Keystore.open(user.id);
    const device = await this.#request('POST', '/e2ee/devices', { name: deviceName });
    const known = await this.#store.get('device');
    if (known?.id === device.id) {
      this.#signature = known.signature;
    } else {
      // A new session is a new device: new keys, whatever this browser held for an earlier one. The groups that
      // device was in removed it when it signed out; this one joins them afresh (and reads the history with the
      // recovery passphrase).
      this.#signature = await (await suite()).signature.keygen();
      await this.#store.removeAll('room:');
      await this.#store.put('device', { id: device.id, signature: this.#signature });
      await this.#store.put('packages', []);
    }
    this.#device = device;
    this.#recoveryKey = (await this.#store.getKey('recovery-key')) ?? null;
    await this.#topUpKeyPackages();
    return device;
  }

  /** Forgets everything this browser kept for the signed-in person (after sign-out). */
  async forget() {
    const user = this.#user;
    await this.ready?.catch(() => {});
    this.#rooms.clear();
    this.#device = null;
    this.#recoveryKey = null;
    this.#store?.close();
    this.#store = null;
    if (user) await Keystore.destroy(user.id);
  }

  get deviceId() { return this.#device?.id; }
  get userId() { return this.#user?.id; }
  get hasRecoveryKey() { return this.#recoveryKey != null; }

  /** fn({ room, kind, ... }) for things the UI says: `keys-changed`, `history-missing`. */
  on(fn) { this.#listeners.add(fn); return () => this.#listeners.delete(fn); }
  emit(event) { this.#listeners.forEach((fn) => fn(event)); }

  request(method, path, body) { return this.#request(method, path, body); }

  room(room) {
    let crypto = this.#rooms.get(room);
    if (!crypto) {
      crypto = new RoomCrypto(this, room);
      this.#rooms.set(room, crypto);
    }
    return crypto;
  }

  /**
   * The extra fields of a `send` for this room: `{ciphertext}` for an encrypted one, none otherwise. files: what the
   * MLS message carries of each encrypted file (id, key, iv, real name, type and size).
   */
  async sealFor(room, text, files = []) {
    if (!room?.encrypted) return {};
    await this.ready;
    return { ciphertext: await this.room(room.id).encrypt(files.length ? { text, files } : { text }) };
  }

  /**
   * The ciphertext of an edit of my message in an encrypted room: the new text with the message's files, since the
   * edit takes the place of the message on the server (its files' keys must not be lost with it).
   */
  async sealEdit(room, messageId, text) {
    await this.ready;
    const crypto = this.room(room.id);
    await crypto.catchUp();
    return crypto.encrypt({ ...(crypto.contentOf(messageId) ?? {}), text });
  }

  /** Fills in the text of an encrypted message event (or leaves a note why it cannot be read). */
  async revealEvent(evt) {
    const membersChanged = (evt.type === 'member.left' || evt.type === 'member.joined') && this.#rooms.has(evt.room);
    if ((evt.type === 'e2ee.devices' || membersChanged) && evt.room) {
      // Someone's devices changed, or someone left an encrypted room this device follows: check their keys (warn
      // if they changed) and, if this device keeps the group equal to the room, add or remove theirs now: the
      // group's keys change with its members. Not awaited: it must not hold up the room's other events.
      this.ready?.then(() => this.room(evt.room).catchUp()).catch((e) => console.warn('devices not checked:', e.message));
      return evt;
    }
    if (!evt.room || !(evt.data?.ciphertext || evt.type === 'e2ee.commit')) return evt;
    await this.ready;
    const room = this.room(evt.room);
    await room.catchUp(evt.seq);
    if (evt.type === 'message' || evt.type === 'message.edited') room.reveal(evt.data);
    return evt;
  }

  /** The same for a page of history. */
  async revealPage(roomId, messages) {
    if (!messages.some((m) => m.ciphertext)) return messages;
    await this.ready;
    const room = this.room(roomId);
    // An edited message is read at its (last) edit, later in the room than the page may reach.
    await room.catchUp(messages.some((m) => m.ciphertext && isEdited(m)) ? Infinity
      : Math.max(...messages.map((m) => m.seq)));
    for (const m of messages) if (m.ciphertext) room.reveal(m);
    return messages;
  }

  // ---- keys -------------------------------------------------------------------------------------

  credential() {
    return { credentialType: 'basic', identity: utf8(`${this.#user.id}/${this.#device.id}`) };
  }

  async newKeyPackage() {
    return mls.generateKeyPackageWithKey(this.credential(), mls.defaultCapabilities(), mls.defaultLifetime, [],
      this.#signature, await suite());
  }

  async #topUpKeyPackages() {
    const packages = (await this.#store.get('packages')) ?? [];
    if (packages.length >= KEY_PACKAGES_LOW) return;
    const fresh = [];
    for (let i = 0; i < KEY_PACKAGES; i++) fresh.push(await this.newKeyPackage());
    await this.#request('POST', `/e2ee/devices/${this.#device.id}/key-packages`,
      { keyPackages: fresh.map((p) => encodeKeyPackage(p.publicPackage)) });
    await this.#store.put('packages', [...packages, ...fresh.map((p) => ({
      public: encodeKeyPackage(p.publicPackage),
      private: p.privatePackage, // sealed by the keystore, like every record
    }))]);
  }

  /** The key packages this device uploaded and still holds the private part of. */
  async packages() {
    const stored = (await this.#store.get('packages')) ?? [];
    return stored.map((p) => ({
      stored: p,
      publicPackage: mls.decodeMlsMessage(unb64(p.public), 0)[0].keyPackage,
      privatePackage: p.private,
    }));
  }

  async usedPackage(stored) {
    const packages = (await this.#store.get('packages')) ?? [];
    await this.#store.put('packages', packages.filter((p) => p.public !== stored.public));
    this.#topUpKeyPackages().catch((e) => console.warn('key packages not topped up:', e.message));
  }

  get store() { return this.#store; }
  suite() { return suite(); }

  // ---- recovery ---------------------------------------------------------------------------------

  /** Sets a recovery passphrase (replacing the key backup's key) and backs up what this device holds. */
  async setPassphrase(passphrase) {
    await this.ready;
    const { key, params } = await recovery.newParams(passphrase);
    await this.#request('PUT', `/e2ee/backup/${recovery.PARAMS_ENTRY}`, { backup: b64(utf8(JSON.stringify(params))) });
    this.#recoveryKey = key;
    await this.#store.putKey('recovery-key', key);
    for (const name of await this.#store.names('backup:')) await this.#upload(name.slice('backup:'.length));
  }

  /** On a new device: the passphrase opens the key backup, and rooms read their history with it. */
  async unlock(passphrase) {
    await this.ready;
    const entries = await this.#backupEntries();
    const params = entries.get(recovery.PARAMS_ENTRY);
    if (!params) throw new Error('There is no key backup to restore.');
    const key = await recovery.unlock(passphrase, JSON.parse(decoder.decode(unb64(params))));
    this.#recoveryKey = key;
    await this.#store.putKey('recovery-key', key);
    const restored = new Map(); // room -> { snapshots: [{seq, state}], sent: Map }
    for (const [name, sealed] of entries) {
      if (name === recovery.PARAMS_ENTRY) continue;
      const value = await recovery.open(key, name, sealed);
      const entry = restored.get(value.room) ?? { snapshots: [], sent: new Map() };
      if (value.state) entry.snapshots.push({ seq: value.seq, state: value.state });
      if (value.text != null) entry.sent.set(value.hash, value.files ? { text: value.text, files: value.files } : value.text);
      restored.set(value.room, entry);
    }
    for (const [room, entry] of restored) await this.room(room).restore(entry);
    return restored.size;
  }

  async #backupEntries() {
    const entries = new Map();
    let after;
    for (;;) {
      const page = await this.#request('GET', '/e2ee/backup' + (after ? `?after=${encodeURIComponent(after)}` : ''));
      page.entries.forEach((e) => entries.set(e.name, e.backup));
      if (!page.more || !page.entries.length) return entries;
      after = page.entries.at(-1).name;
    }
  }

  /** Keeps a backup entry here (sealed by the device key) and, once a passphrase is set, on the server. */
  async backUp(name, value) {
    await this.#store.put('backup:' + name, value);
    if (this.#recoveryKey) await this.#upload(name).catch((e) => console.warn('backup failed:', e.message));
  }

  async #upload(name) {
    const value = await this.#store.get('backup:' + name);
    await this.#request('PUT', `/e2ee/backup/${encodeURIComponent(name)}`,
      { backup: await recovery.seal(this.#recoveryKey, name, value) });
  }

  // ---- verification -----------------------------------------------------------------------------

  /**
   * The safety number of me and another person: 60 digits from SHA-256 over both people's ids and device
   * signature keys, the same on both sides (sorted). Compared aloud or as a QR code; it changes when either
   * person's devices or keys change.
   */
  async safetyNumber(other) {
    const people = [this.#user.id, other].sort();
    const { devices } = await this.#request('GET', '/e2ee/devices?users=' + people.join(','));
    const parts = people.map((id) => id + ':' + devices.filter((d) => d.user === id && d.signatureKey)
      .map((d) => d.signatureKey).sort().join(','));
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-512', utf8(parts.join('|'))));
    const digits = [];
    for (let i = 0; i < 12; i++) {
      const chunk = ((hash[i * 4] << 24) | (hash[i * 4 + 1] << 16) | (hash[i * 4 + 2] << 8) | hash[i * 4 + 3]) >>> 0;
      digits.push(String(chunk % 100000).padStart(5, '0'));
    }
    return digits.join(' ');
  }

  /**
   * Remembers each person's device keys the first time they are seen (trust on first use) and answers the people
   * whose devices or keys changed since: the UI warns in the conversation.
   */
  async noteDevices(devices) {
    const seen = (await this.#store.get('seen-devices')) ?? {};
    const changed = [];
    const byUser = new Map();
    devices.filter((d) => d.signatureKey).forEach((d) => byUser.set(d.user, [...(byUser.get(d.user) ?? []), d]));
    for (const [user, list] of byUser) {
      const now = list.map((d) => d.id + '=' + d.signatureKey).sort().join(',');
      if (seen[user] != null && seen[user] !== now && user !== this.#user.id) changed.push(user);
      seen[user] = now;
    }
    await this.#store.put('seen-devices', seen);
    return changed;
  }
}

/** One encrypted room on this device: its MLS group (if this device is in it) and where it has read up to. */
class RoomCrypto {
  #e2ee;
  #id;
  #state = null;        // ClientState, or null while this device is not in the group
  #seq = 0;             // the last event processed
  #texts = new Map();   // message id -> content {text, files?} (null: this device cannot read it)
  #sent = new Map();    // digest of a ciphertext -> content this device (or, restored, this person) sent
  #history = null;      // restored from the key backup: { snapshots, current } read-only states of another device
  #queue = Promise.resolve();
  #loaded = false;
  #created = false;

  constructor(e2ee, id) {
    this.#e2ee = e2ee;
    this.#id = id;
  }

  get inGroup() { return this.#state != null; }

  /** What a message says ({text, files?}), or null when this device cannot read it. */
  contentOf(id) {
    return contentOf(this.#texts.get(id)) ?? null;
  }

  /**
   * Fills in a message (or an edit event) in place: its text, and its files as the MLS message describes them (real
   * name, type, key); none when unreadable, since the server's own list holds only opaque uploads.
   */
  reveal(data) {
    const content = this.contentOf(data.id);
    data.text = content?.text ?? null;
    if ('files' in data || content?.files) data.files = content?.files ?? [];
  }

  /** Processes the room's events up to at least `seq` (one caller at a time). */
  catchUp(seq = Infinity) {
    return this.#serial(() => this.#catchUp(seq));
  }

  /** content: {text, files?}, the MLS plaintext (as JSON) of a message or an edit. */
  encrypt(content) {
    return this.#serial(async () => {
      await this.#catchUp(Infinity);
      if (!this.#state) throw new Error('This device is not in the conversation\'s encryption group yet.');
      const cs = await this.#e2ee.suite();
      const result = await mls.createApplicationMessage(this.#state, utf8(JSON.stringify(content)), cs);
      this.#state = result.newState;
      const ciphertext = b64(mls.encodeMlsMessage(
        { privateMessage: result.privateMessage, wireformat: 'mls_private_message', version: 'mls10' }));
      const hash = await digest(ciphertext);
      this.#sent.set(hash, content);
      await this.#save();
      await this.#e2ee.backUp(`${this.#id}.m.${hash}`, { room: this.#id, hash, ...content });
      return ciphertext;
    });
  }

  /** Key backup restored: read-only states of another device of this person, to read what came before me. */
  restore({ snapshots, sent }) {
    return this.#serial(async () => {
      await this.#load();
      sent.forEach((text, hash) => this.#sent.set(hash, text));
      snapshots.sort((a, b) => a.seq - b.seq);
      this.#history = { snapshots, current: null };
      // Read again, from the first snapshot, whatever this device could not.
      const unread = [...this.#texts].filter(([, text]) => text == null).map(([id]) => id);
      if (!unread.length && this.#seq > 0) return;
      await this.#replayHistory();
    });
  }

  #serial(work) {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => {});
    return next;
  }

  async #load() {
    if (this.#loaded) return;
    this.#loaded = true;
    const saved = await this.#e2ee.store.get('room:' + this.#id);
    if (saved) {
      this.#seq = saved.seq;
      this.#state = saved.state ? { ...mls.decodeGroupState(unb64(saved.state), 0)[0], clientConfig: config } : null;
      Object.entries(saved.texts ?? {}).forEach(([id, text]) => this.#texts.set(id, text));
      Object.entries(saved.sent ?? {}).forEach(([hash, text]) => this.#sent.set(hash, text));
    }
  }

  async #save() {
    await this.#e2ee.store.put('room:' + this.#id, {
      seq: this.#seq,
      state: this.#state ? b64(mls.encodeGroupState(this.#state)) : null,
      texts: Object.fromEntries(this.#texts),
      sent: Object.fromEntries(this.#sent),
    });
  }

  /** A backup entry of the group state as an epoch starts: with it, every message of the epoch can be read. */
  async #snapshot(seq) {
    await this.#e2ee.backUp(`${this.#id}.s.${String(seq).padStart(12, '0')}`,
      { room: this.#id, seq, state: b64(mls.encodeGroupState(this.#state)) });
  }

  async #catchUp(until) {
    await this.#load();
    if (!this.#state) await this.#join();
    for (;;) {
      const page = await this.#e2ee.request('GET', `/rooms/${this.#id}/events?after=${this.#seq}`);
      for (const event of page.events) await this.#apply(event);
      if (!page.events.length || this.#seq >= page.latest || this.#seq >= until) break;
    }
    await this.#save();
    if (this.#state) await this.#reconcile().catch((e) => console.warn('group not reconciled:', e.message));
  }

  /** Into the group: by a welcome waiting for this device, or by making the group when there is none yet. */
  async #join() {
    const cs = await this.#e2ee.suite();
    const { welcomes } = await this.#e2ee.request('GET', `/e2ee/devices/${this.#e2ee.deviceId}/welcomes`);
    for (const w of welcomes.filter((x) => x.room === this.#id)) {
      const welcome = mls.decodeMlsMessage(unb64(w.welcome), 0)[0].welcome;
      for (const p of await this.#e2ee.packages()) {
        try {
          this.#state = await mls.joinGroup(welcome, p.publicPackage, p.privatePackage, mls.emptyPskIndex, cs,
            undefined, undefined, config);
        } catch { continue; } // made for another of this device's key packages
        await this.#e2ee.usedPackage(p.stored);
        // What came before the welcome was not for this device: read it from the key backup, if any.
        await this.#skipTo(w.seq);
        await this.#snapshot(w.seq);
        return;
      }
    }
    if (this.#created) return;
    // No welcome: if nobody made the group yet (no commit in the room), this device makes it.
    let after = 0;
    for (;;) {
      const page = await this.#e2ee.request('GET', `/rooms/${this.#id}/events?after=${after}`);
      if (page.events.some((e) => e.type === 'e2ee.commit')) {
        this.#e2ee.emit({ room: this.#id, kind: 'not-in-group' });
        return;
      }
      if (!page.events.length || page.events.at(-1).seq >= page.latest) break;
      after = page.events.at(-1).seq;
    }
    await this.#create();
  }

  /** Marks what came before `seq` as sent before this device joined (unless already read), and goes on from it. */
  async #skipTo(seq) {
    while (this.#seq < seq) {
      const page = await this.#e2ee.request('GET', `/rooms/${this.#id}/events?after=${this.#seq}`);
      if (!page.events.length) break;
      for (const event of page.events) {
        if (event.seq > seq) break;
        if (event.type === 'message' && !this.#texts.has(event.data.id)) {
          this.#texts.set(event.data.id, this.#sent.get(await digest(event.data.ciphertext ?? '')) ?? null);
        }
        this.#seq = event.seq;
      }
    }
    this.#seq = Math.max(this.#seq, seq);
  }

  async #create() {
    this.#created = true;
    const cs = await this.#e2ee.suite();
    const own = await this.#e2ee.newKeyPackage();
    const state = await mls.createGroup(utf8(this.#id), own.publicPackage, own.privatePackage, [], cs, config);
    const { members } = await this.#e2ee.request('GET', `/rooms/${this.#id}/members`);
    const { devices } = await this.#e2ee.request('GET', '/e2ee/devices?users=' + members.map((m) => m.user).join(','));
    await this.#e2ee.noteDevices(devices);
    const others = devices.filter((d) => d.id !== this.#e2ee.deviceId).map((d) => d.id);
    const claimed = others.length
      ? (await this.#e2ee.request('POST', '/e2ee/key-packages/claim', { devices: others })).keyPackages : [];
    await this.#commit(state, claimed.map((k) => addOf(k.keyPackage)), claimed.map((k) => k.device));
  }

  /** Relays a commit made from `state`; on success this device moves to the new epoch. */
  async #commit(state, proposals, welcomeTo) {
    const cs = await this.#e2ee.suite();
    const result = await mls.createCommit({ state, cipherSuite: cs }, { extraProposals: proposals, ratchetTreeExtension: true });
    const body = { device: this.#e2ee.deviceId, commit: b64(mls.encodeMlsMessage(result.commit)) };
    if (result.welcome && welcomeTo.length) {
      body.welcome = b64(mls.encodeMlsMessage({ welcome: result.welcome, wireformat: 'mls_welcome', version: 'mls10' }));
      body.welcomeTo = welcomeTo;
    }
    const stored = await this.#e2ee.request('POST', `/rooms/${this.#id}/e2ee/commits`, body);
    this.#state = result.newState;
    await this.#snapshot(stored.seq);
    await this.#save();
  }

  async #apply(event) {
    if (event.seq <= this.#seq) return;
    this.#seq = event.seq;
    const data = event.data ?? {};
    if (event.type === 'message' && data.ciphertext) {
      // An edited message's ciphertext is its last edit's, read where that edit stands in the room's order. A text
      // already read (restored from the key backup, say) stays: this device may not be able to read it.
      if (!isEdited(data) && this.#texts.get(data.id) == null) this.#texts.set(data.id, await this.#open(data.ciphertext));
    } else if (event.type === 'message.edited' && data.ciphertext) {
      const edited = await this.#open(data.ciphertext);
      if (edited != null || !this.#texts.has(data.id)) this.#texts.set(data.id, edited);
    } else if (event.type === 'e2ee.commit' && data.device !== this.#e2ee.deviceId && this.#state) {
      try {
        const message = mls.decodeMlsMessage(unb64(data.commit), 0)[0];
        const result = await mls.processMessage(message, this.#state, mls.emptyPskIndex, mls.acceptAll, await this.#e2ee.suite());
        this.#state = result.newState;
        await this.#snapshot(event.seq);
      } catch (e) {
        // A commit this device cannot apply: it was removed, or the server reordered or forged the log.
        console.warn('commit not applied:', e.message);
        if (!leaves(this.#state).some((l) => l.identity.endsWith('/' + this.#e2ee.deviceId))) this.#state = null;
        this.#e2ee.emit({ room: this.#id, kind: 'commit-refused', message: e.message });
      }
    }
  }

  async #open(ciphertext) {
    const mine = this.#sent.get(await digest(ciphertext));
    if (mine != null) return mine;
    if (!this.#state) return null;
    try {
      const message = mls.decodeMlsMessage(unb64(ciphertext), 0)[0];
      const result = await mls.processMessage(message, this.#state, mls.emptyPskIndex, mls.acceptAll, await this.#e2ee.suite());
      this.#state = result.newState;
      return result.kind === 'applicationMessage' ? JSON.parse(decoder.decode(result.message)) : null;
    } catch (e) {
      console.warn('message not decrypted:', e.message); // replayed, out of its epoch, or not for this device
      return null;
    }
  }

  /** Reads, with the backup's snapshots, every message this device could not read, in seq order. */
  async #replayHistory() {
    const { snapshots } = this.#history;
    if (!snapshots.length) return;
    const cs = await this.#e2ee.suite();
    let state = null;
    let next = 0;
    let after = snapshots[0].seq - 1;
    for (;;) {
      const page = await this.#e2ee.request('GET', `/rooms/${this.#id}/events?after=${Math.max(0, after)}`);
      for (const event of page.events) {
        while (next < snapshots.length && snapshots[next].seq <= event.seq) {
          state = { ...mls.decodeGroupState(unb64(snapshots[next].state), 0)[0], clientConfig: config };
          next++;
        }
        // As in #apply: an edited message is read at its edit.
        const readable = (event.type === 'message' && !isEdited(event.data)) || event.type === 'message.edited';
        if (!readable || !event.data.ciphertext || this.#texts.get(event.data.id) != null) continue;
        const mine = this.#sent.get(await digest(event.data.ciphertext));
        if (mine != null) { this.#texts.set(event.data.id, mine); continue; }
        if (!state) continue;
        try {
          const message = mls.decodeMlsMessage(unb64(event.data.ciphertext), 0)[0];
          const result = await mls.processMessage(message, state, mls.emptyPskIndex, mls.acceptAll, cs);
          state = result.newState;
          if (result.kind === 'applicationMessage') this.#texts.set(event.data.id, JSON.parse(decoder.decode(result.message)));
        } catch (e) {
          console.warn('history message not decrypted:', e.message);
        }
      }
      if (!page.events.length || page.events.at(-1).seq >= page.latest) break;
      after = page.events.at(-1).seq;
    }
    await this.#save();
  }

  /**
   * Keeps the group equal to the room: every live device of every member in it, nobody else. One device does the
   * work (the member device at the lowest leaf), so two devices do not race to make the same change; a commit
   * that loses a race anyway (409) is simply made again after the next catch-up.
   */
  async #reconcile() {
    const { members } = await this.#e2ee.request('GET', `/rooms/${this.#id}/members`);
    const people = members.map((m) => m.user);
    const { devices } = await this.#e2ee.request('GET', '/e2ee/devices?users=' + people.join(','));
    const changed = await this.#e2ee.noteDevices(devices);
    changed.forEach((user) => this.#e2ee.emit({ room: this.#id, kind: 'keys-changed', user }));
    const live = new Set(devices.filter((d) => d.signatureKey).map((d) => `${d.user}/${d.id}`));
    const inGroup = leaves(this.#state);
    const mine = inGroup.find((l) => l.identity === `${this.#e2ee.userId}/${this.#e2ee.deviceId}`);
    const leader = inGroup.filter((l) => live.has(l.identity)).sort((a, b) => a.index - b.index)[0];
    if (!mine || leader?.index !== mine.index) return;
    const identities = new Set(inGroup.map((l) => l.identity));
    const missing = devices.filter((d) => d.signatureKey && !identities.has(`${d.user}/${d.id}`)).map((d) => d.id);
    const removals = inGroup.filter((l) => !live.has(l.identity) && l.index !== mine.index)
      .map((l) => ({ proposalType: 'remove', remove: { removed: l.index } }));
    if (!missing.length && !removals.length) return;
    const claimed = missing.length
      ? (await this.#e2ee.request('POST', '/e2ee/key-packages/claim', { devices: missing })).keyPackages : [];
    if (!claimed.length && !removals.length) return;
    try {
      await this.#commit(this.#state, [...removals, ...claimed.map((k) => addOf(k.keyPackage))],
        claimed.map((k) => k.device));
    } catch (e) {
      if (e.status !== 409) throw e;
    }
  }
}

function addOf(encoded) {
  const [message] = mls.decodeMlsMessage(unb64(encoded), 0);
  if (message.wireformat !== 'mls_key_package') throw new Error('not a key package');
  return { proposalType: 'add', add: { keyPackage: message.keyPackage } };
}
