// "Are you sure?" before an action that cannot be taken back with one click (remove, ban, delete,
// leave). One <dialog> in index.html; Escape, Cancel or a click outside say no.

import { $ } from './dom.js';

let answer = null; // resolves the question being shown

/**
 * Ask; resolves true when the person confirms. question: what will happen, in a sentence;
 * yes: the label of the confirming button ("Ban", "Delete").
 */
export function confirmAction(question, yes = 'OK') {
  const dialog = $('#confirm-dialog');
  if (!dialog) return Promise.resolve(window.confirm(question));
  answer?.(false); // a question still open is answered no
  $('#confirm-text').textContent = question;
  $('#confirm-yes').textContent = yes;
  return new Promise((resolve) => {
    answer = (value) => { answer = null; if (dialog.open) dialog.close(); resolve(value); };
    dialog.showModal();
    $('#confirm-no').focus(); // the safe choice is the default one
  });
}

function wire() {
  const dialog = $('#confirm-dialog');
  if (!dialog) return;
  $('#confirm-yes').addEventListener('click', () => answer?.(true));
  $('#confirm-no').addEventListener('click', () => answer?.(false));
  dialog.addEventListener('close', () => answer?.(false)); // Escape
  dialog.addEventListener('click', (e) => { if (e.target === dialog) answer?.(false); }); // the backdrop
}

wire();
