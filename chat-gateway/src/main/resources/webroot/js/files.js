// Files in messages: the composer's attachments (picked or pasted, uploaded at once, sent with the
// message) and how a message shows its files: pictures as thumbnails that open full size, anything
// else as a card with its name, size and type that downloads it.
//
// Files are fetched with the session's token (an <img src> could not send it) and shown from blob:
// URLs. Only pictures are ever shown in the page; the server sniffed their type from their bytes.
// Everything else is saved, never opened in Parley's origin.
//
// In an end-to-end encrypted conversation a file is encrypted here before upload and decrypted here
// after download (e2ee/files.js); its real name and type come from the MLS message, and a picture
// is shown whole (the server, holding opaque bytes, makes no thumbnail).

import { api } from './api.js';
import { h, toast } from './dom.js';
import { sealFile, openFile, isSealed } from '../e2ee/files.js';

const PICTURES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** As the server allows: more are refused with the message anyway. */
export const MAX_FILES = 10;

/** 1536 -> "1.5 KB". */
export function formatSize(bytes) {
  if (!Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The files of a message, as a list under its text. */
export function fileList(files) {
  return h('div', { class: 'msg-files', 'data-testid': 'message-files' },
    files.map((file) => ((file.thumbnail || isSealed(file)) && PICTURES.has(file.type) ? preview(file) : card(file))));
}

/** A file's bytes (its thumbnail's, if asked and there is one), decrypted when it is an encrypted one. */
async function fileBlob(file, thumbnail) {
  if (!isSealed(file)) return api.fileBlob(file.id, thumbnail);
  return openFile(await api.fileBlob(file.id, false), file);
}

function preview(file) {
  const img = h('img', { class: 'file-thumb', 'data-testid': 'file-thumbnail', alt: file.name,
    width: file.width && file.height ? Math.round(Math.min(320, 320 * file.width / Math.max(file.width, file.height))) : null });
  // data-loaded says the picture decoded and shows (its load event), not merely that its bytes came.
  img.addEventListener('load', () => { img.dataset.loaded = 'true'; }, { once: true });
  fileBlob(file, true)
    .then((blob) => { img.src = URL.createObjectURL(blob); })
    .catch(() => { img.alt = `${file.name} (not available)`; });
  return h('button', { type: 'button', class: 'file-preview', 'data-testid': 'file-preview', title: `${file.name} — open full size`,
    onclick: () => openFull(file) }, img);
}

function card(file) {
  return h('button', { type: 'button', class: 'file-card', 'data-testid': 'file-card', title: `Download ${file.name}`,
    onclick: () => download(file) },
  h('span', { class: 'file-icon', 'aria-hidden': 'true' }, '📄'),
  h('span', { class: 'file-name', 'data-testid': 'file-name' }, file.name),
  h('span', { class: 'file-meta' }, `${formatSize(file.size)} · ${file.type}`));
}

/** A picture at full size, over the page; Escape or a click closes it. */
async function openFull(file) {
  try {
    const url = URL.createObjectURL(await fileBlob(file, false));
    const viewer = h('dialog', { class: 'file-viewer', 'data-testid': 'file-viewer', 'aria-label': file.name },
      h('img', { src: url, alt: file.name }),
      h('p', { class: 'file-viewer-name' }, file.name));
    viewer.addEventListener('click', () => viewer.close());
    viewer.addEventListener('close', () => { URL.revokeObjectURL(url); viewer.remove(); });
    document.body.append(viewer);
    viewer.showModal();
  } catch (e) {
    toast(e.message);
  }
}

/** Saves a file under its name, whatever it is: it is never opened in the page. */
async function download(file) {
  try {
    const url = URL.createObjectURL(await fileBlob(file, false));
    const link = h('a', { href: url, download: file.name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    toast(e.message);
  }
}

/**
 * The files waiting in a composer: each uploads as soon as it is picked or pasted and shows as a
 * chip (name, progress, remove); the message takes the ids of those uploaded.
 */
export class Attachments {
  #list;
  #items = [];
  #roomId = () => null;

  #sealed = () => false;

  /**
   * list: the element that shows the chips; roomId(): the room the composer writes to; sealed(): whether it is end-to-end
   * encrypted (then each file is encrypted before upload, and its key and real name kept for the message).
   */
  constructor(list, roomId, sealed = () => false) {
    this.#list = list;
    this.#roomId = roomId;
    this.#sealed = sealed;
  }

  /** Uploads files (a FileList or an array of File). */
  add(files) {
    for (const file of files) {
      if (this.#items.length >= MAX_FILES) { toast(`A message carries at most ${MAX_FILES} files.`); break; }
      const item = { name: file.name || 'pasted', file: null, failed: false };
      item.el = h('li', { class: 'attachment', 'data-testid': 'attachment', 'data-state': 'uploading' },
        h('span', { class: 'attachment-name' }, item.name),
        h('span', { class: 'attachment-status', 'data-testid': 'attachment-status' }, 'Uploading…'),
        h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${item.name}`, onclick: () => this.#remove(item) }, '✕'));
      item.upload = upload(this.#roomId(), file, this.#sealed()).then((stored) => {
        item.file = stored;
        item.el.dataset.state = 'ready';
        item.el.querySelector('.attachment-status').textContent = formatSize(stored.size);
      }, (e) => {
        item.failed = true;
        item.el.dataset.state = 'failed';
        item.el.querySelector('.attachment-status').textContent = e.message;
      });
      this.#items.push(item);
      this.#list.append(item.el);
    }
    this.#list.hidden = this.#items.length === 0;
  }

  get empty() {
    return this.#items.length === 0;
  }

  /** Waits for uploads under way; the files uploaded (the failed ones stay for the person to remove). */
  async ready() {
    await Promise.all(this.#items.map((item) => item.upload));
    return this.#items.filter((item) => item.file).map((item) => item.file);
  }

  /** After sending: the uploaded files are gone from the composer, the failed ones stay. */
  sent() {
    for (const item of [...this.#items]) if (item.file) this.#remove(item);
  }

  clear() {
    for (const item of [...this.#items]) this.#remove(item);
  }

  #remove(item) {
    this.#items = this.#items.filter((other) => other !== item);
    item.el.remove();
    this.#list.hidden = this.#items.length === 0;
  }
}

/** Uploads one file (encrypted first, for an encrypted room): what the message needs of it. */
async function upload(roomId, file, sealed) {
  if (!sealed) return (await api.uploadFile(roomId, file)).file;
  const { upload: bytes, meta } = await sealFile(file);
  const { file: stored } = await api.uploadFile(roomId, bytes);
  return { ...meta, id: stored.id };
}

/** The files a paste carries (a screenshot, copied files); empty for plain text. */
export function pastedFiles(event) {
  return [...(event.clipboardData?.files ?? [])];
}
