// Recovery that the server cannot undo: a passphrase the person chooses, stretched here in the browser with
// PBKDF2-HMAC-SHA256 at 600,000 iterations (OWASP's current figure for PBKDF2-SHA256), gives an AES-GCM key that
// never leaves the browser (non-extractable). It seals the key backup: for each room, the MLS group state at the
// start of each epoch, and the texts this person sent (a sender cannot decrypt its own MLS messages). The server
// keeps only sealed entries and the public salt; whoever runs it cannot open them, and cannot reset them to a key
// of their own choosing, because nothing is ever sealed to a key the browser did not derive from the passphrase.

import { b64, unb64, utf8 } from './keystore.js';

export const ITERATIONS = 600_000;
export const PARAMS_ENTRY = 'params';
const CHECK = 'parley-recovery-check';

/** A key stretched from the passphrase with this salt. */
export async function deriveKey(passphrase, salt, iterations = ITERATIONS) {
  const base = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFKC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base,
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Seals a JSON value under the recovery key, bound to the entry's name (base64, for the server). */
export async function seal(key, name, value) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(name) }, key,
    utf8(JSON.stringify(value))));
  const out = new Uint8Array(12 + sealed.length);
  out.set(iv);
  out.set(sealed, 12);
  return b64(out);
}

export async function open(key, name, sealedBase64) {
  const bytes = unb64(sealedBase64);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: utf8(name) },
    key, bytes.subarray(12));
  return JSON.parse(new TextDecoder().decode(plain));
}

/** New parameters for a passphrase: a random salt and a check value that tells a wrong passphrase. */
export async function newParams(passphrase) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt);
  return { key, params: { salt: b64(salt), iterations: ITERATIONS, check: await seal(key, PARAMS_ENTRY, CHECK) } };
}

/** The key of a passphrase for these stored parameters; throws when the passphrase is not the one. */
export async function unlock(passphrase, params) {
  const key = await deriveKey(passphrase, unb64(params.salt), params.iterations);
  try {
    if (await open(key, PARAMS_ENTRY, params.check) === CHECK) return key;
  } catch { /* a wrong key fails the AES-GCM tag */ }
  throw new Error('That is not your recovery passphrase.');
}
