package dev.parley.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the browser tests share: Debian's Chromium (the test is skipped without it) and one Parley node on the
 * embedded PostgreSQL and Redis, its web client at {@link #baseUrl}.
 */
abstract class BrowserTest {

  static Chromium chromium;
  static TestNodes nodes;
  static String baseUrl;

  @BeforeAll
  static void startBrowserAndNode() {
    chromium = Chromium.launch();
    nodes = new TestNodes();
    baseUrl = "http://127.0.0.1:" + nodes.start(false).gateway().port() + "/";
  }

  @AfterAll
  static void stopBrowserAndNode() {
    if (chromium != null) {
      chromium.close();
    }
    if (nodes != null) {
      nodes.close();
    }
  }
}
