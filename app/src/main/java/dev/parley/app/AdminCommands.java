package dev.parley.app;

import dev.parley.gateway.identity.SessionRevocations;
import dev.parley.gateway.identity.Tokens;
import dev.parley.rooms.store.AccountStore;
import dev.parley.rooms.store.Migrations;
import dev.parley.rooms.store.OpsStore;
import dev.parley.rooms.store.RecoveryStore;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.accounts.RecoveryCommands.RequestPasswordReset;
import dev.parley.shared.contract.Publisher;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.ops.ExportLine;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code java -jar parley.jar admin COMMAND ...}: what an operator is asked to do, run against the database (and, to
 * end someone's sessions on every node, Redis and the cluster) named by the same configuration as the nodes.
 * Each command refuses clearly when no database is configured, and long work prints its progress.
 */
final class AdminCommands {

  static final String USAGE = """
      Usage: java -jar parley.jar admin COMMAND [ARGUMENTS] [--config FILE]
        make-admin EMAIL             make the account a workspace admin
        demote EMAIL                 make a workspace admin a member again
        deactivate EMAIL             no more sign-in; ends every session (sockets closed on every node of a cluster)
        reactivate EMAIL             allow sign-in again
        send-password-reset EMAIL    email the account a password-reset link
        retention DAYS [--room ID]   delete the messages (and other events) older than DAYS days, in one room or all
        purge-sessions [DAYS]        delete sessions ended or expired more than DAYS (default 7) days ago, with their
                                     rotated refresh tokens, and reset links used or expired as long ago
        export FILE [--room ID]      write the workspace (or one room, with every account) to FILE as JSON Lines
        import FILE                  read an export into an empty database (all of it, or nothing)
      Settings as for the server: conf/parley.json, --config FILE, then PARLEY_* variables (PARLEY_DB_URL, ...).
      """;
  /** Rows one retention statement deletes: short statements that never hold the message path up for long. */
  static final int RETENTION_BATCH = 1_000;
  private static final long TIMEOUT_SECONDS = 3_600;
  /** Rows one cursor read of an export fetches. */
  static final int EXPORT_BATCH = 500;
  private static final long PROGRESS_EVERY = 10_000;
  /**
   * How long a deactivation stays in the cluster after publishing the sign-out notices: the event bus sends them to
   * the other members asynchronously and has no acknowledgement for a publish.
   */
  private static final long NOTICE_FLUSH_MILLIS = 1_000;
  /** Unused by revoking; a bound for the requester it needs all the same. */
  private static final long REQUEST_TIMEOUT_MILLIS = 5_000;

  private final ParleyConfig config;
  private final PrintStream out;

  private AdminCommands(ParleyConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** Runs one command; the exit status (0 done, 1 failed, 2 a bad command line or no database). */
  static int run(String[] args, JsonObject settings, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    ParleyConfig config = ParleyConfig.fromJson(settings);
    if (config.db().url() == null) {
      err.println("Admin commands work on the database, and none is configured: set PARLEY_DB_URL (or db.url in"
          + " --config) to the one the Parley nodes use.");
      return 2;
    }
    AdminCommands admin = new AdminCommands(config, out);
    Function<Session, Future<?>> command;
    try {
      command = admin.command(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
    boolean clustered = args[0].equals("deactivate") && config.cluster().enabled();
    try {
      admin.withSession(clustered, command);
      return 0;
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      err.println(args[0] + " failed: " + cause.getMessage());
      return 1;
    }
  }

  /** What a command works with: Vert.x (clustered for a deactivation in a cluster), the database, its SQL. */
  record Session(Vertx vertx, Pool pool, OpsStore ops) {
  }

  private Function<Session, Future<?>> command(String[] args) {
    String name = args[0];
    return switch (name) {
      case "make-admin" -> session -> role(session, email(args), "admin");
      case "demote" -> session -> role(session, email(args), "member");
      case "deactivate" -> session -> deactivate(session, email(args));
      case "reactivate" -> session -> session.ops().reactivate(email(args))
          .onSuccess(account -> out.println("Reactivated " + account.email() + ": they can sign in again"));
      case "send-password-reset" -> session -> sendReset(session, email(args));
      case "retention" -> retention(args);
      case "export" -> export(args);
      case "import" -> importFile(args);
      case "purge-sessions" -> {
        int days = args.length > 1 ? number(args[1], "DAYS") : 7;
        yield session -> session.ops().purgeSessions(days).onSuccess(purged -> out.println("Purged "
            + purged.sessions() + " session(s) ended or expired more than " + days + " days ago, "
            + purged.rotatedTokens() + " rotated refresh token(s) with them, " + purged.resets()
            + " old password-reset link(s) and " + purged.verifications() + " old email-verification link(s)"));
      }
      default -> throw new IllegalArgumentException("Unknown admin command " + name);
    };
  }

  private Future<?> role(Session session, String email, String role) {
    return session.ops().setWorkspaceRole(email, role)
        .onSuccess(account -> out.println(account.email() + " is now a workspace " + account.role()));
  }

  /**
   * Deactivates in the database (sessions ended there), marks each session revoked in Redis so that its access
   * tokens are refused at once, and publishes the forced sign-out that makes every gateway close the person's sockets.
   */
  private Future<?> deactivate(Session session, String email) {
    return session.ops().deactivate(email).compose(done -> {
      out.println("Deactivated " + done.account().email() + "; " + done.sessions().size() + " session(s) ended");
      if (config.redis().url() == null) {
        out.println("No Redis configured (PARLEY_REDIS_URL): open sockets close when their access tokens expire"
            + " (auth.accessTokenSeconds)");
        return Future.succeededFuture();
      }
      Redis redis = Redis.createClient(session.vertx(), config.redis().url());
      // The requester serves checks of a token against PostgreSQL; revoking (all this command does) asks it nothing.
      SessionRevocations revocations = new SessionRevocations(RedisAPI.api(redis),
          new Requester(session.vertx().eventBus(), REQUEST_TIMEOUT_MILLIS), new Publisher(session.vertx().eventBus()),
          config.auth().accessTokenSeconds());
      return revocations.revoked(done.account().id(), done.sessions())
          .compose(told -> session.vertx().isClustered() ? session.vertx().timer(NOTICE_FLUSH_MILLIS)
              : Future.succeededFuture())
          .onSuccess(told -> out.println(session.vertx().isClustered()
              ? "Every node was told: their sockets are closed"
              : "Access tokens refused from now on; in a cluster (--cluster or PARLEY_CLUSTER=true) open sockets are"
                  + " closed at once too"))
          .eventually(redis::close);
    });
  }

  private Future<?> sendReset(Session session, String email) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String link = config.http().publicUrl(config.http().port()) + "/#reset-password=" + token;
    RecoveryStore recovery = new RecoveryStore(session.pool(), new AccountStore(session.pool()));
    return session.ops().find(email)
        .compose(account -> recovery.requestReset(new RequestPasswordReset(account.email(), Tokens.hash(token), link,
            config.auth().passwordResetMinutes() * 60L)))
        .onSuccess(queued -> out.println("A reset link for " + email + " is queued; notification-verticle mails it"
            + " (or writes it to its outbox folder without SMTP). It works once, for "
            + config.auth().passwordResetMinutes() + " minutes"));
  }

  private Function<Session, Future<?>> retention(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("retention needs DAYS");
    }
    int days = number(args[1], "DAYS");
    String room = null;
    if (args.length == 4 && args[2].equals("--room")) {
      room = args[3];
    } else if (args.length != 2) {
      throw new IllegalArgumentException("retention takes DAYS and, optionally, --room ID");
    }
    String where = room == null ? "every room" : "room " + room;
    String inRoom = room;
    return session -> {
      out.println("Deleting messages older than " + days + " days in " + where + ", " + RETENTION_BATCH
          + " at a time");
      return batches(() -> session.ops().deleteMessagesBatch(days, inRoom, RETENTION_BATCH), 0, "message")
          .compose(messages -> batches(() -> session.ops().deleteEventsBatch(days, inRoom, RETENTION_BATCH), 0,
              "other event").map(events -> {
                out.println("Retention done: " + messages + " message(s) and " + events + " other event(s) deleted");
                return events;
              }));
    };
  }

  /** Runs batches until one deletes nothing, printing the running total after each; the total. */
  private Future<Integer> batches(Supplier<Future<Integer>> batch, int total, String what) {
    return batch.get().compose(deleted -> {
      if (deleted == 0) {
        return Future.succeededFuture(total);
      }
      out.println("  " + (total + deleted) + " " + what + "(s) deleted so far");
      return batches(batch, total + deleted, what);
    });
  }

  /** Streams the rows out a table at a time, a line each, printing each table's count. */
  private Function<Session, Future<?>> export(String[] args) {
    if (args.length != 2 && !(args.length == 4 && args[2].equals("--room"))) {
      throw new IllegalArgumentException("export takes FILE and, optionally, --room ID");
    }
    String file = args[1];
    String room = args.length == 4 ? args[3] : null;
    return session -> session.vertx().fileSystem()
        .open(file, new OpenOptions().setWrite(true).setCreate(true).setTruncateExisting(true))
        .compose(written -> session.ops().export(room, EXPORT_BATCH,
                line -> written.write(Buffer.buffer(line.toJson().encode()).appendString("\n")),
                (table, rows) -> out.println("  " + table + ": " + rows + " row(s)"))
            .eventually(written::close))
        .onSuccess(rows -> out.println("Exported " + rows + " row(s) of " + (room == null ? "the workspace"
            : "room " + room + " and every account") + " to " + file));
  }

  /** Reads the file line by line (paused while each row is written), all in one transaction. */
  private Function<Session, Future<?>> importFile(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("import takes FILE");
    }
    String file = args[1];
    return session -> session.ops().isEmpty()
        .compose(empty -> empty ? session.vertx().fileSystem().open(file, new OpenOptions().setRead(true))
            : Future.<AsyncFile>failedFuture("the database already has accounts: import goes into an empty database"))
        .compose(in -> session.ops().importLines(writer -> readLines(in, writer)).eventually(in::close))
        .onSuccess(rows -> out.println("Imported " + rows + " row(s) from " + file));
  }

  private Future<Void> readLines(AsyncFile in, Function<ExportLine, Future<Void>> writer) {
    Promise<Void> done = Promise.promise();
    RecordParser lines = RecordParser.newDelimited("\n", in);
    AtomicLong read = new AtomicLong();
    AtomicReference<Future<Void>> inFlight = new AtomicReference<>(Future.succeededFuture());
    lines.exceptionHandler(done::tryFail);
    lines.endHandler(end -> inFlight.get().onSuccess(last -> done.tryComplete()));
    lines.handler(line -> {
      if (line.length() == 0) {
        return;
      }
      lines.pause();
      Future<Void> written;
      try {
        written = writer.apply(ExportLine.fromJson(line.toJsonObject()));
      } catch (RuntimeException malformed) {
        written = Future.failedFuture("line " + (read.get() + 1) + " is not a line of an export: "
            + malformed.getMessage());
      }
      inFlight.set(written);
      written.onSuccess(ok -> {
        if (read.incrementAndGet() % PROGRESS_EVERY == 0) {
          out.println("  " + read.get() + " row(s) imported so far");
        }
        lines.resume();
      }).onFailure(done::tryFail);
    });
    return done.future();
  }

  /**
   * Starts Vert.x (clustered for a deactivation in a cluster) and a small pool, brings the schema to this version (a
   * no-op when the nodes already did), runs the command, and stops it all from the calling thread: Vert.x closed from
   * one of its own threads would not finish.
   */
  private void withSession(boolean clustered, Function<Session, Future<?>> command) throws Exception {
    Vertx vertx = await(clustered
        ? Vertx.builder().with(new VertxOptions().setEventBusOptions(ClusterSetup.eventBus(config.cluster())))
            .withClusterManager(ClusterSetup.clusterManager(config.cluster())).buildClustered()
        : Future.succeededFuture(Vertx.vertx()));
    try {
      Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
          .connectingTo(PgConnectOptions.fromUri(config.db().url())).using(vertx).build();
      await(Migrations.run(vertx, pool)
          .compose(migrated -> command.apply(new Session(vertx, pool, new OpsStore(pool))))
          .eventually(pool::close));
    } finally {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static String email(String[] args) {
    if (args.length != 2 || !args[1].contains("@")) {
      throw new IllegalArgumentException(args[0] + " needs the EMAIL of an account");
    }
    return args[1];
  }

  private static int number(String value, String what) {
    try {
      int number = Integer.parseInt(value);
      if (number < 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is a whole number of days, not " + value);
    }
  }
}
