// Parley's service worker: shows Web Push notifications and opens the room on a click.
//
// A push carries (encrypted end to end from the server; the browser decrypts it) the JSON the server's
// PushNotification declares: { title, body, room, message, seq, thread?, reason, ts, tag, url }.
// Notifications of one room share a tag, so a burst replaces one notification instead of stacking.
// Nothing here touches the page's storage or tokens: the worker only shows what it is given.

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let push = {};
  try {
    push = event.data ? event.data.json() : {};
  } catch {
    push = {}; // a push we cannot read still has to show something (browsers require it)
  }
  const title = typeof push.title === 'string' && push.title ? push.title : 'Parley';
  const body = typeof push.body === 'string' && push.body ? push.body : 'New message';
  const url = typeof push.url === 'string' && push.url.startsWith('/') ? push.url : '/';
  event.waitUntil(self.registration.showNotification(title, {
    body,
    tag: typeof push.tag === 'string' ? push.tag : undefined,
    renotify: Boolean(push.tag),
    icon: '/icon.svg',
    badge: '/icon.svg',
    timestamp: Number.isFinite(push.ts) ? push.ts : Date.now(),
    data: { url, room: push.room, message: push.message },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || '/', self.location.origin).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    // A Parley tab already open: bring it forward and show the room there.
    for (const client of windows) {
      if (new URL(client.url).origin === self.location.origin) {
        await client.focus();
        if ('navigate' in client) return client.navigate(url);
        return undefined;
      }
    }
    return self.clients.openWindow(url);
  })());
});
