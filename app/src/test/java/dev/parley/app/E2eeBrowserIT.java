package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's browser story: Alice and Bob write to each other in an end-to-end encrypted DM, Bob's second browser
 * reads it all, a Node client of the standard (no web client code) joins as Bob's third device and reads what the
 * browsers wrote, none of the texts is anywhere on the server in clear ({@link ClearText}), and a fresh fourth
 * browser of Bob's reads the history once he enters his recovery passphrase.
 */
class E2eeBrowserIT extends BrowserTest {

  private static final String PASSWORD = "correct horse battery";
  private static final Path CLIENT = Path.of("..", "scripts", "e2ee-client.mjs").toAbsolutePath().normalize();

  @Test
  void aliceAndBobWriteBothWaysBobsDevicesReadItAndHisPassphraseOpensTheHistoryOnANewOne() throws Exception {
    Assumptions.assumeTrue(E2eeNodeIT.nodeVersion() >= 20, "Node 20 or later is needed on the PATH for this test");
    ListAppender<ILoggingEvent> log = ClearText.captureLog();
    String bobEmail = "bob-" + UUID.randomUUID() + "@example.com";
    String passphrase = "purple elephants dance at noon";
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson();
         BrowserContext bobPhoneContext = chromium.newPerson(); BrowserContext bobNewContext = chromium.newPerson()) {
      Page bob = signUp(bobContext, "Bob", bobEmail);
      Page bobPhone = signIn(bobPhoneContext, bobEmail);
      Page alice = signUp(aliceContext, "Alice", "alice-" + UUID.randomUUID() + "@example.com");
      Process node = startNodeDevice(bobEmail, 3);
      try {
        // Alice starts an encrypted DM: a lock shows with its name.
        openEncryptedDm(alice, "Bob");

        List<String> texts = new ArrayList<>();
        String first = "Our secret plan " + UUID.randomUUID();
        Chromium.send(alice, first);
        texts.add(first);
        assertThat(byText(alice, first)).hasAttribute("data-state", "sent");

        Chromium.roomItem(bob, "Alice").click();
        assertThat(bob.getByTestId("room-title")).hasText("🔒 Alice");
        assertThat(Chromium.message(bob, first)).isVisible();
        String reply = "Agreed, tell nobody " + UUID.randomUUID();
        Chromium.send(bob, reply);
        texts.add(reply);
        assertThat(Chromium.message(alice, reply)).isVisible();

        Chromium.roomItem(bobPhone, "Alice").click();
        assertThat(Chromium.message(bobPhone, first)).isVisible();
        assertThat(Chromium.message(bobPhone, reply)).isVisible();
        String fromPhone = "Sent from my phone " + UUID.randomUUID();
        Chromium.send(bobPhone, fromPhone);
        texts.add(fromPhone);
        assertThat(Chromium.message(alice, fromPhone)).isVisible();
        assertThat(Chromium.message(bob, fromPhone)).isVisible();

        // The Node client, Bob's third device, read what the browsers wrote.
        assertEquals(texts, nodeTexts(node));

        // Bob sets his recovery passphrase; a new browser of his reads nothing old until he enters it.
        bob.getByTestId("e2ee-button").click();
        bob.getByTestId("e2ee-passphrase").fill(passphrase);
        bob.getByTestId("e2ee-set-passphrase").click();
        assertThat(bob.getByTestId("e2ee-set-passphrase")).hasText("Change recovery passphrase");
        bob.getByTestId("e2ee-close").click();

        Page bobNew = signIn(bobNewContext, bobEmail);
        // Bob has a new device: Alice's conversation warns her, and Alice and Bob compare safety numbers.
        assertThat(alice.getByTestId("e2ee-warning")).isVisible();
        alice.getByTestId("e2ee-button").click();
        bob.getByTestId("e2ee-button").click();
        Locator aliceSees = alice.getByTestId("e2ee-safety-number").locator("code");
        Locator bobSees = bob.getByTestId("e2ee-safety-number").locator("code");
        assertThat(aliceSees).hasText(Pattern.compile("(\\d{5} ){11}\\d{5}"));
        assertEquals(aliceSees.textContent(), bobSees.textContent(), "both sides compute the same number");
        assertThat(alice.getByTestId("e2ee-safety-qr")).isVisible();
        alice.getByTestId("e2ee-close").click();
        bob.getByTestId("e2ee-close").click();
        Chromium.roomItem(bobNew, "Alice").click();
        assertThat(bobNew.getByTestId("message-text").first()).containsText("enter your recovery passphrase");
        assertThat(Chromium.message(bobNew, first)).hasCount(0);
        bobNew.getByTestId("e2ee-button").click();
        bobNew.getByTestId("e2ee-passphrase").fill(passphrase);
        bobNew.getByTestId("e2ee-unlock").click();
        assertThat(bobNew.getByTestId("connection-status")).hasAttribute("data-state", "online");
        Chromium.roomItem(bobNew, "Alice").click();
        for (String text : texts) {
          assertThat(Chromium.message(bobNew, text)).isVisible();
        }
        // Alice's device added the new one to the group (a commit, new keys): it writes, and Alice reads it.
        String fromNew = "From my new laptop " + UUID.randomUUID();
        Chromium.send(bobNew, fromNew);
        texts.add(fromNew);
        assertThat(Chromium.message(alice, fromNew)).isVisible();
        assertThat(Chromium.message(bobPhone, fromNew)).isVisible();

        // Bob signs out of his phone: the browser forgets its keys, and the group drops the device (a commit)
        // before Alice's next message, which Bob's laptop reads.
        String room = (String) alice.evaluate("() => location.hash.split('/').pop()");
        long epochsBefore = epochs(room);
        bobPhone.getByTestId("signout").click();
        assertThat(bobPhone.getByTestId("auth-view")).isVisible();
        assertEquals(Boolean.FALSE, bobPhone.evaluate("async () => (await indexedDB.databases())"
            + ".some((db) => db.name.startsWith('parley-e2ee-'))"), "the signed-out browser keeps no keys");
        String afterSignOut = "After the phone signed out " + UUID.randomUUID();
        Chromium.send(alice, afterSignOut);
        texts.add(afterSignOut);
        assertThat(Chromium.message(bob, afterSignOut)).isVisible();
        assertTrue(epochs(room) > epochsBefore, "the phone's removal was committed");

        // None of it, nor the passphrase, is anywhere on the server in clear, where a plain message is.
        List<String> secrets = new ArrayList<>(texts);
        secrets.add(passphrase);
        assertNothingInClear(secrets, log);
      } finally {
        node.destroy();
      }
    } finally {
      ClearText.releaseLog(log);
    }
  }

  /**
   * Files, edits and thread replies of an encrypted DM: Alice's browser encrypts a picture and a text file before
   * upload (the server gets opaque bytes under a neutral name); Bob's page decrypts them (the picture inline), and so
   * does the Node client with the key from the MLS message (plain AES-GCM inside standard MLS). Alice edits a message
   * and Bob sees it decrypted, "(edited)"; Bob replies in a thread and Alice's thread pane decrypts it. The texts,
   * the file names and the file contents are nowhere on the server in clear.
   */
  @Test
  void filesEditsAndThreadRepliesOfAnEncryptedDmAreEncryptedToo() throws Exception {
    Assumptions.assumeTrue(E2eeNodeIT.nodeVersion() >= 20, "Node 20 or later is needed on the PATH for this test");
    ListAppender<ILoggingEvent> log = ClearText.captureLog();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String bobEmail = "bob-" + UUID.randomUUID() + "@example.com";
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      Page bob = signUp(bobContext, "Bob" + tag, bobEmail);
      Page alice = signUp(aliceContext, "Alice" + tag, "alice-" + UUID.randomUUID() + "@example.com");
      Process node = startNodeDevice(bobEmail, 2);
      try {
        openEncryptedDm(alice, "Bob" + tag);
        String first = "Meet at the old mill " + UUID.randomUUID();
        Chromium.send(alice, first);
        assertThat(byText(alice, first)).hasAttribute("data-state", "sent");

        String pictureName = "floor-plan-" + tag + ".png";
        byte[] picture = TestFiles.picture("png", 120, 90);
        String notesName = "vault-codes-" + tag + ".txt";
        String notes = "The vault code is " + UUID.randomUUID();
        alice.getByTestId("composer-file").setInputFiles(new FilePayload[] {
            new FilePayload(pictureName, "image/png", picture),
            new FilePayload(notesName, "text/plain", notes.getBytes(StandardCharsets.UTF_8))});
        assertThat(alice.locator("[data-testid=attachment][data-state=ready]")).hasCount(2);
        String caption = "The plan and the codes " + UUID.randomUUID();
        alice.getByTestId("composer-input").fill(caption);
        alice.getByTestId("composer-send").click();
        assertThat(byText(alice, caption)).hasAttribute("data-state", "sent");

        // Bob's browser decrypts both: the picture shows inline under its real name, the text file is a card.
        Chromium.roomItem(bob, "Alice" + tag).click();
        Locator onBob = byText(bob, caption);
        Locator thumbnail = onBob.getByTestId("file-thumbnail");
        assertThat(thumbnail).hasAttribute("data-loaded", "true");
        assertThat(thumbnail).hasAttribute("alt", pictureName);
        assertThat(onBob.getByTestId("file-card").getByTestId("file-name")).hasText(notesName);
        assertEquals(120, ((Number) thumbnail.evaluate("img => img.naturalWidth")).intValue(),
            "the decrypted picture shows at its own size");

        // The Node client, Bob's second device, decrypts the browser's files with the keys of the MLS message.
        JsonObject read = nodeOutput(node);
        assertEquals(List.of(first, caption), read.getJsonArray("texts").getList());
        JsonObject pictureRead = read.getJsonArray("files").getJsonObject(0);
        JsonObject notesRead = read.getJsonArray("files").getJsonObject(1);
        assertEquals(pictureName, pictureRead.getString("name"));
        assertEquals("image/png", pictureRead.getString("type"));
        assertEquals(sha256(picture), pictureRead.getString("sha256"));
        assertEquals(notesName, notesRead.getString("name"));
        assertEquals(sha256(notes.getBytes(StandardCharsets.UTF_8)), notesRead.getString("sha256"));

        // Alice edits her first message: Bob's page decrypts the edit and marks it.
        String edited = "Meet at the new mill instead " + UUID.randomUUID();
        Locator mine = byText(alice, first);
        mine.hover();
        mine.getByTestId("message-edit").click();
        Locator box = alice.getByTestId("message-edit-input");
        box.fill(edited);
        box.press("Enter");
        Locator editedOnBob = byText(bob, edited);
        assertThat(editedOnBob.getByTestId("message-edited")).isVisible();
        assertThat(byText(bob, first)).hasCount(0);

        // Bob replies in the caption's thread: Alice's thread pane decrypts the reply.
        String reply = "Got both files " + UUID.randomUUID();
        onBob.hover();
        onBob.getByTestId("message-reply").click();
        bob.getByTestId("thread-input").fill(reply);
        bob.getByTestId("thread-send").click();
        Locator onAlice = byText(alice, caption);
        assertThat(onAlice.getByTestId("thread-summary")).hasText("1 reply");
        assertThat(Chromium.message(alice, reply)).hasCount(0); // not in the room's own list
        onAlice.getByTestId("thread-summary").click();
        assertThat(alice.getByTestId("thread-messages").getByTestId("thread-message")).hasCount(1);
        assertThat(alice.getByTestId("thread-messages")).containsText(reply);

        assertNothingInClear(List.of(first, edited, caption, reply, notes, pictureName, notesName), log);
      } finally {
        node.destroy();
      }
    } finally {
      ClearText.releaseLog(log);
    }
  }

  /**
   * A group DM's keys change with its members: when Carol leaves, Alice's device (the group's keeper) commits her
   * removal, before any later message; Bob still reads Alice, and what Alice sends next is of the new epoch.
   */
  @Test
  void whenAMemberLeavesAGroupDmTheGroupsKeysChangeBeforeTheNextMessage() throws Exception {
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson();
         BrowserContext carolContext = chromium.newPerson()) {
      String tag = UUID.randomUUID().toString().substring(0, 6);
      Page bob = signUp(bobContext, "Bob" + tag, "bob-" + UUID.randomUUID() + "@example.com");
      Page carol = signUp(carolContext, "Carol" + tag, "carol-" + UUID.randomUUID() + "@example.com");
      Page alice = signUp(aliceContext, "Alice" + tag, "alice-" + UUID.randomUUID() + "@example.com");
      alice.getByTestId("new-dm").click();
      for (String name : List.of("Bob" + tag, "Carol" + tag)) {
        alice.getByTestId("user-search").fill(name);
        alice.getByTestId("user-result").filter(new Locator.FilterOptions().setHasText(name)).click();
      }
      alice.getByTestId("dm-encrypted").check();
      alice.getByTestId("dm-start").click();
      assertThat(alice.getByTestId("room-title")).containsText("🔒");
      String before = "Before anyone left " + UUID.randomUUID();
      Chromium.send(alice, before);
      assertThat(byText(alice, before)).hasAttribute("data-state", "sent");
      Chromium.roomItem(carol, "Alice" + tag).click();
      assertThat(Chromium.message(carol, before)).isVisible();
      Chromium.roomItem(bob, "Alice" + tag).click();
      assertThat(Chromium.message(bob, before)).isVisible();
      String room = (String) alice.evaluate("() => location.hash.split('/').pop()");

      // Carol leaves (through the API, as her client would).
      JsonObject carolSession = new JsonObject((String) carol.evaluate(
          "() => localStorage.getItem('parley.session')"));
      HttpResponse<String> left = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
              + "api/v1/rooms/" + room + "/members/" + carolSession.getJsonObject("user").getString("id")))
          .header("authorization", "Bearer " + carolSession.getString("accessToken")).DELETE().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(204, left.statusCode(), left.body());

      String after = "After Carol left " + UUID.randomUUID();
      Chromium.send(alice, after);
      assertThat(Chromium.message(bob, after)).isVisible();
      Vertx vertx = Vertx.vertx();
      Pool db = PgBuilder.pool()
          .connectingTo(PgConnectOptions.fromUri(nodes.databaseUrl())).using(vertx).build();
      try {
        RowSet<Row> rows = TestNodes.await(db.preparedQuery("""
                SELECT e.epoch, e.seq, (SELECT m.seq FROM messages m WHERE m.room_id = e.room_id
                                        ORDER BY m.seq DESC LIMIT 1) AS last_message
                FROM e2ee_epochs e WHERE e.room_id = $1 ORDER BY e.epoch""")
            .execute(Tuple.of(UUID.fromString(room))));
        List<Long> epochs = new ArrayList<>();
        long removalSeq = 0;
        long lastMessage = 0;
        for (Row row : rows) {
          epochs.add(row.getLong("epoch"));
          removalSeq = row.getLong("seq");
          lastMessage = row.getLong("last_message");
        }
        assertEquals(List.of(0L, 1L), epochs, "the group was made, then Carol's removal committed");
        assertTrue(removalSeq < lastMessage, "the removal came before Alice's next message");
      } finally {
        TestNodes.await(db.close());
        TestNodes.await(vertx.close());
      }
    }
  }

  /**
   * Issue 16's per-message figures in Chromium itself (docs/e2ee.md): the web client's MLS library, as the browser
   * loads it from the web root, encrypts and decrypts 200 messages of a two-member group, and its file module
   * encrypts and decrypts a file of 1 MiB 20 times; printed for the docs.
   */
  @Test
  void perMessageEncryptAndDecryptTimesInChromium() {
    try (BrowserContext context = chromium.newPerson()) {
      Page page = context.newPage();
      page.navigate(baseUrl);
      JsonObject figures = new JsonObject((String) page.evaluate("""
          async () => {
            const mls = await import('/vendor/ts-mls/ts-mls.esm.js');
            const cs = await mls.getCiphersuiteImpl(mls.getCiphersuiteFromName('MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519'));
            const enc = new TextEncoder();
            const kp = (id) => mls.generateKeyPackage({ credentialType: 'basic', identity: enc.encode(id) },
              mls.defaultCapabilities(), mls.defaultLifetime, [], cs);
            const a = await kp('a'), b = await kp('b');
            let alice = await mls.createGroup(enc.encode('room'), a.publicPackage, a.privatePackage, [], cs);
            const c = await mls.createCommit({ state: alice, cipherSuite: cs },
              { extraProposals: [{ proposalType: 'add', add: { keyPackage: b.publicPackage } }], ratchetTreeExtension: true });
            alice = c.newState;
            let bob = await mls.joinGroup(c.welcome, b.publicPackage, b.privatePackage, mls.emptyPskIndex, cs);
            const text = JSON.stringify({ text: 'A message of a usual length, about sixty characters long.' });
            let encrypt = 0, decrypt = 0, overhead = 0, read = 0;
            const n = 200;
            for (let i = 0; i < n; i++) {
              let t = performance.now();
              const sent = await mls.createApplicationMessage(alice, enc.encode(text), cs);
              encrypt += performance.now() - t;
              alice = sent.newState;
              const bytes = mls.encodeMlsMessage({ privateMessage: sent.privateMessage, wireformat: 'mls_private_message', version: 'mls10' });
              overhead += bytes.length - enc.encode(text).length;
              t = performance.now();
              const got = await mls.processMessage(mls.decodeMlsMessage(bytes, 0)[0], bob, mls.emptyPskIndex, mls.acceptAll, cs);
              decrypt += performance.now() - t;
              bob = got.newState;
              if (new TextDecoder().decode(got.message) === text) read++;
            }
            return JSON.stringify({ messages: n, read, encryptMs: encrypt / n, decryptMs: decrypt / n, overheadBytes: overhead / n });
          }"""));
      // A file of 1 MiB, encrypted for upload and decrypted after download by the web client's own module.
      JsonObject file = new JsonObject((String) page.evaluate("""
          async () => {
            const { sealFile, openFile } = await import('/e2ee/files.js');
            const bytes = new Uint8Array(1024 * 1024);
            for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
            const original = new File([bytes], 'figure.bin', { type: 'application/octet-stream' });
            let encrypt = 0, decrypt = 0, same = 0;
            const n = 20;
            for (let i = 0; i < n; i++) {
              let t = performance.now();
              const { upload, meta } = await sealFile(original);
              encrypt += performance.now() - t;
              t = performance.now();
              const opened = new Uint8Array(await (await openFile(upload, meta)).arrayBuffer());
              decrypt += performance.now() - t;
              if (opened.length === bytes.length && opened.every((b, j) => b === bytes[j])) same++;
            }
            return JSON.stringify({ files: n, bytes: bytes.length, same, encryptFileMs: encrypt / n, decryptFileMs: decrypt / n });
          }"""));
      figures.put("file", file);
      System.out.println("E2EE figures in Chromium: " + figures.encode());
      assertEquals(200, figures.getInteger("read"), "every message decrypted to its text");
      assertEquals(20, file.getInteger("same"), "every file decrypted to its bytes");
    }
  }

  /**
   * None of the secrets is anywhere on the server in clear (database, Redis, log, outbox, stored files), where a plain
   * message sent now, as a control, is found.
   */
  private static void assertNothingInClear(List<String> secrets, ListAppender<ILoggingEvent> log) {
    Vertx vertx = Vertx.vertx();
    try {
      TestApi api = new TestApi(vertx, URI.create(baseUrl).getPort());
      TestApi.User control = api.register("Control");
      String plain = "plain-control-" + UUID.randomUUID();
      try (TestSocket socket = TestSocket.connect(vertx, api.port(), control)) {
        String dm = api.openDm(control, api.register("Witness"));
        assertEquals("ack", socket.sendMessage(dm, plain).getString("op"));
      }
      ClearText.assertNowhere(secrets, plain, ClearText.dump(vertx, nodes, log));
    } finally {
      TestNodes.await(vertx.close());
    }
  }

  /** How many commits the room's group has had (the epochs it moved from). */
  private static long epochs(String room) {
    Vertx vertx = Vertx.vertx();
    Pool db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(nodes.databaseUrl())).using(vertx).build();
    try {
      return TestNodes.await(db.preparedQuery("SELECT count(*) FROM e2ee_epochs WHERE room_id = $1")
          .execute(Tuple.of(UUID.fromString(room)))).iterator().next().getLong(0);
    } finally {
      TestNodes.await(db.close());
      TestNodes.await(vertx.close());
    }
  }

  /** Starts an encrypted DM with someone, as a person does in the New message dialog: a lock shows with its name. */
  private static void openEncryptedDm(Page page, String name) {
    page.getByTestId("new-dm").click();
    page.getByTestId("user-search").fill(name);
    page.getByTestId("user-result").filter(new Locator.FilterOptions().setHasText(name)).click();
    page.getByTestId("dm-encrypted").check();
    page.getByTestId("dm-start").click();
    assertThat(page.getByTestId("room-title")).hasText("🔒 " + name);
    assertThat(page.getByTestId("e2ee-button")).isVisible();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static Page signUp(BrowserContext person, String name, String email) {
    Page page = person.newPage();
    page.navigate(baseUrl);
    page.getByTestId("auth-toggle").click();
    page.getByTestId("signup-name").fill(name);
    page.getByTestId("signup-email").fill(email);
    page.getByTestId("signup-password").fill(PASSWORD);
    page.getByTestId("signup-submit").click();
    return online(page);
  }

  private static Page signIn(BrowserContext person, String email) {
    Page page = person.newPage();
    page.navigate(baseUrl);
    page.getByTestId("signin-email").fill(email);
    page.getByTestId("signin-password").fill(PASSWORD);
    page.getByTestId("signin-submit").click();
    return online(page);
  }

  /** Online, and this browser is a device with keys on the server. */
  private static Page online(Page page) {
    assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "online");
    assertThat(page.locator("body")).hasAttribute("data-e2ee", "ready");
    return page;
  }

  /** The Node client as another device of Bob's, registered with key packages before the DM exists. */
  private static Process startNodeDevice(String email, int messages) throws Exception {
    HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
            + "api/v1/auth/login")).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("email", email).put("password", PASSWORD)
            .encode())).build(), HttpResponse.BodyHandlers.ofString());
    String token = new JsonObject(login.body()).getString("accessToken");
    String base = baseUrl.substring(0, baseUrl.length() - 1);
    // The room is not known yet: the client reads the first encrypted room it is welcomed into.
    Process process = new ProcessBuilder("node", "--experimental-websocket", "--no-warnings", CLIENT.toString(),
        "read", base, token, "*", String.valueOf(messages)).redirectErrorStream(true).start();
    String ready = CompletableFuture.supplyAsync(() -> firstLine(process)).get(60, TimeUnit.SECONDS);
    assertEquals(Boolean.TRUE, new JsonObject(ready).getBoolean("ready"), ready);
    return process;
  }

  private static List<String> nodeTexts(Process process) throws Exception {
    List<String> texts = new ArrayList<>();
    nodeOutput(process).getJsonArray("texts").forEach(text -> texts.add((String) text));
    return texts;
  }

  /** What the Node client printed last, once it read its messages: {"texts","files"}. */
  private static JsonObject nodeOutput(Process process) throws Exception {
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      throw new AssertionError("the Node client read nothing within 90 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, process.exitValue(), output);
    return new JsonObject(output.substring(output.lastIndexOf('\n') + 1));
  }

  private static String firstLine(Process process) {
    try {
      return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Locator byText(Page page, String text) {
    return page.getByTestId("message").filter(new Locator.FilterOptions().setHasText(text));
  }
}
