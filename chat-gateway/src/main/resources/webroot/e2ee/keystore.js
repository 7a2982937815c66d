// What this browser keeps for end-to-end encryption, in IndexedDB, one database per person: the device's MLS keys
// and key packages, each room's group state, decrypted texts, snapshots for the key backup. Every record is sealed
// with AES-GCM under a device key made here as a non-extractable CryptoKey: script can use it but never read it,
// and a copy of the database files alone opens nothing. (The MLS library itself holds its private keys as bytes
// while it works: WebCrypto cannot run MLS's key schedule on opaque keys.)

const VERSION = 1;
const STORE = 'records';
const DEVICE_KEY = 'device-key';

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export class Keystore {
  #db;
  #key;

  /** The store of this person in this browser, its device key made on first use. */
  static async open(user) {
    const store = new Keystore();
    const opening = indexedDB.open(`parley-e2ee-${user}`, VERSION);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    store.#db = await promised(opening);
    store.#key = await store.#raw(DEVICE_KEY);
    if (!store.#key) {
      store.#key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await store.#putRaw(DEVICE_KEY, store.#key);
    }
    return store;
  }

  close() { this.#db.close(); }

  /** Deletes the person's whole store in this browser (signed out); close it first, or the deletion waits. */
  static destroy(user) {
    return promised(indexedDB.deleteDatabase(`parley-e2ee-${user}`));
  }

  /** A value (anything JSON, Uint8Arrays inside as base64) sealed under the device key. */
  async put(name, value) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = new TextEncoder().encode(JSON.stringify(value, (k, v) => (v instanceof Uint8Array ? { $b: b64(v) } : v)));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(name) },
      this.#key, plain));
    await this.#putRaw(name, { iv, sealed });
  }

  async get(name) {
    const record = await this.#raw(name);
    if (!record) return undefined;
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv, additionalData: utf8(name) },
      this.#key, record.sealed);
    return JSON.parse(new TextDecoder().decode(plain), (k, v) => (v && typeof v === 'object' && '$b' in v ? unb64(v.$b) : v));
  }

  /** The names of the records that start with a prefix. */
  async names(prefix) {
    const keys = await promised(this.#db.transaction(STORE).objectStore(STORE).getAllKeys(
      IDBKeyRange.bound(prefix, prefix + '\uffff')));
    return keys.map(String);
  }

  /** Forgets the records whose names start with a prefix. */
  removeAll(prefix) {
    return promised(this.#db.transaction(STORE, 'readwrite').objectStore(STORE).delete(
      IDBKeyRange.bound(prefix, prefix + '\uffff')));
  }

  /** A CryptoKey (or other structured-clonable value) kept as it is, not sealed: the recovery key, non-extractable. */
  putKey(name, key) { return this.#putRaw(name, key); }
  getKey(name) { return this.#raw(name); }

  #raw(name) {
    return promised(this.#db.transaction(STORE).objectStore(STORE).get(name));
  }

  #putRaw(name, value) {
    return promised(this.#db.transaction(STORE, 'readwrite').objectStore(STORE).put(value, name));
  }
}

export const utf8 = (text) => new TextEncoder().encode(text);

export function b64(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function unb64(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
