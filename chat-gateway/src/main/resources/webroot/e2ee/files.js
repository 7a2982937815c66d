// Files of end-to-end encrypted conversations (docs/e2ee.md): each file is encrypted in this browser with a fresh
// random AES-256-GCM key (WebCrypto) before upload, so the server stores opaque bytes under a neutral name. The key,
// the IV, the real name, type and size travel inside the MLS message that carries the file:
//   {"text": "...", "files": [{"id", "key", "iv", "name", "type", "size"}]}   (key and iv: standard base64)
// Plain AES-GCM with a 128-bit tag over the whole file, so any client of the standard can open it.

import { b64, unb64 } from './keystore.js';

/** What the server is told an encrypted upload is called, whatever its real name (it keeps its own anyway). */
export const NEUTRAL_NAME = 'encrypted.bin';
const NEUTRAL_TYPE = 'application/octet-stream';

/**
 * Encrypts a File (or Blob) for upload: `upload`, the opaque bytes under a neutral name and type, and `meta`, what the
 * MLS message carries once the server gave the upload its id.
 */
export async function sealFile(file) {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, await file.arrayBuffer());
  return {
    upload: new File([sealed], NEUTRAL_NAME, { type: NEUTRAL_TYPE }),
    meta: {
      key: b64(new Uint8Array(await crypto.subtle.exportKey('raw', key))),
      iv: b64(iv),
      name: file.name || 'pasted',
      type: file.type || NEUTRAL_TYPE,
      size: file.size,
    },
  };
}

/** Decrypts a downloaded encrypted file with what its message carried: a Blob of its real type. */
export async function openFile(blob, meta) {
  const key = await crypto.subtle.importKey('raw', unb64(meta.key), { name: 'AES-GCM' }, false, ['decrypt']);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(meta.iv) }, key, await blob.arrayBuffer());
  return new Blob([plain], { type: meta.type || NEUTRAL_TYPE });
}

/** Whether a file of a message is one of these: its key came with the message. */
export const isSealed = (file) => typeof file?.key === 'string' && typeof file?.iv === 'string';
