// Which optional calls this server offers, so the client shows only controls that work.
//
// The gateway serves its OpenAPI document, and a test (OpenApiAgreementTest) holds it to the routes
// it really mounts: so the document is a truthful list of calls. A server without, say, reactions
// yet shows no reaction buttons instead of buttons that fail. Read once per page load; when the
// document cannot be read, every optional feature is off (the core chat works without them).

const DOCUMENT = '/api/v1/openapi.yaml';

// feature -> [method, path with every {parameter} written {}]
const CALLS = {
  edit: ['patch', '/api/v1/rooms/{}/messages/{}'],
  reactions: ['put', '/api/v1/rooms/{}/messages/{}/reactions/{}'],
  threads: ['get', '/api/v1/rooms/{}/messages/{}/thread'],
  follow: ['put', '/api/v1/rooms/{}/messages/{}/follow'],
  mentions: ['get', '/api/v1/mentions'],
  files: ['post', '/api/v1/rooms/{}/files'],
  search: ['get', '/api/v1/search'],
};

const NONE = Object.freeze(Object.fromEntries(Object.keys(CALLS).map((k) => [k, false])));
let known = NONE;
let loading = null;

/** The operations of an OpenAPI YAML document, as a Set of "method path" with {} for parameters. */
export function operations(yaml) {
  const ops = new Set();
  let path = null;
  let inPaths = false;
  for (const line of String(yaml).split('\n')) {
    if (/^\S/.test(line)) { inPaths = line.startsWith('paths:'); path = null; continue; }
    if (!inPaths) continue;
    const p = line.match(/^ {2}(\/\S*):\s*$/);
    if (p) { path = p[1].replace(/^["']|["']$/g, '').replace(/\{[^}]*\}/g, '{}'); continue; }
    const m = line.match(/^ {4}(get|put|post|patch|delete):/);
    if (m && path) ops.add(`${m[1]} ${path}`);
  }
  return ops;
}

/** Learn what the server offers (once); resolves to the feature flags. Never rejects. */
export function loadFeatures() {
  loading ??= fetch(DOCUMENT, { headers: { Accept: 'application/yaml' } })
    .then((res) => (res.ok ? res.text() : ''))
    .then((yaml) => {
      const ops = operations(yaml);
      known = Object.freeze(Object.fromEntries(
        Object.entries(CALLS).map(([name, [method, path]]) => [name, ops.has(`${method} ${path}`)])));
      return known;
    })
    .catch(() => NONE);
  return loading;
}

/** Whether the server offers this feature (false until loadFeatures() has answered). */
export const has = (name) => Boolean(known[name]);
