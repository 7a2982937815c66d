package dev.parley.gateway;

/** Who a request or a connection acts for: the user, their display name, and the session they signed in with. */
record Identity(String user, String name, String session) {
}
