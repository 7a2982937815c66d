// Sign-in with an outside provider (OAuth2 / OIDC: GitHub, Google, a company's identity server).
//
// The flow is the server's: a provider button is a plain link to /api/v1/auth/oauth/{id}/start,
// the server sends the browser to the provider and back, then to the app with the outcome in the
// address: "/#/oauth/<one-time code>" (trade it for a session: api.oauthExchange) or
// "/#/oauth-error/<reason>". Nothing secret is handled here: the code is single-use and short-lived.
//
// An invite link being followed (/invite/<token>) would be lost on the way: it is kept in
// sessionStorage (this tab only) and picked up again on return.

import { api } from './api.js';
import { h } from './dom.js';

const CODE_PREFIX = '#/oauth/';
const ERROR_PREFIX = '#/oauth-error/';
const INVITE_KEY = 'parley.oauthInvite';
const TYPES = new Set(['oidc', 'github', 'google']);

const ERROR_TEXT = {
  state: 'That sign-in took too long or was started in another window. Please try again.',
  nonce: 'That sign-in could not be verified. Please try again.',
  issuer: 'The sign-in provider answered in a way Parley does not trust (unexpected issuer).',
  audience: 'The sign-in provider\u2019s answer was meant for another application.',
  code: 'The sign-in provider did not accept the sign-in. Please try again.',
  email: 'Parley needs a verified email address from the provider to sign you in, and got none it could use.',
  provider: 'That sign-in provider is not available right now. Try again later or sign in with your password.',
  denied: 'Sign-in was cancelled at the provider.',
  conflict: 'An account with this email exists already: sign in with your password.',
  deactivated: 'This account is deactivated: ask the people who run this Parley.',
  expired: 'That sign-in took too long. Please try again.',
  signature: 'The sign-in provider\u2019s answer could not be verified.',
  token: 'The sign-in provider\u2019s answer could not be verified.',
  unavailable: 'Sign-in is not available right now. Please try again shortly.',
  rate_limited: 'Too many sign-in attempts from here. Please wait a minute and try again.',
};
export const DEFAULT_OAUTH_ERROR = 'Sign-in with that provider failed';

/**
 * What the address says about a provider sign-in coming back: { code }, { error } (a reason word),
 * or null for any other address.
 */
export function oauthReturn(hash) {
  const take = (prefix) => {
    const rest = hash.slice(prefix.length).split(/[/?&]/)[0];
    try { return decodeURIComponent(rest); } catch { return ''; }
  };
  if (hash.startsWith(CODE_PREFIX)) return { code: take(CODE_PREFIX) };
  if (hash.startsWith(ERROR_PREFIX)) return { error: take(ERROR_PREFIX) };
  return null;
}

/** A reason word from the server as a sentence for people. */
export function describeOauthError(reason) {
  return Object.hasOwn(ERROR_TEXT, reason) ? ERROR_TEXT[reason] : DEFAULT_OAUTH_ERROR;
}

/** The configured providers; [] when there are none or the server cannot say. */
export async function loadProviders() {
  const { providers } = await api.providers();
  return Array.isArray(providers) ? providers.filter((p) => p?.id) : [];
}

/**
 * A provider's button: a link (the browser leaves the page for the provider). onStart runs just
 * before, e.g. to remember an invite being followed.
 */
export function providerButton(provider, onStart) {
  const type = TYPES.has(provider.type) ? provider.type : 'oidc';
  return h('a', {
    class: `btn oauth-button oauth-${type}`, 'data-testid': 'oauth-button',
    'data-provider': provider.id, 'data-type': type,
    href: api.providerStartUrl(provider.id),
    onclick: () => onStart?.(provider),
  },
  h('span', { class: 'oauth-mark', 'aria-hidden': 'true' }),
  `Continue with ${provider.name || provider.id}`);
}

/** Remember the invite being followed while the browser visits the provider. */
export function stashInvite(token) {
  try {
    if (token) sessionStorage.setItem(INVITE_KEY, token);
    else sessionStorage.removeItem(INVITE_KEY);
  } catch { /* storage disabled: the invite link has to be opened again */ }
}

/** The invite remembered by stashInvite, once: it is forgotten as it is read. */
export function takeStashedInvite() {
  try {
    const token = sessionStorage.getItem(INVITE_KEY);
    sessionStorage.removeItem(INVITE_KEY);
    return token || null;
  } catch {
    return null;
  }
}
