package dev.parley.notify;

import dev.parley.shared.notify.InviteEmailWork;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailMessage;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue of invitation emails: bounded, each invite mailed at most once, a few at a time, failed sends tried again
 * with exponential backoff, and every outcome reported to room-verticle. All state belongs to the verticle's event
 * loop; only the counters are read from other threads (tests).
 */
final class InviteMailer {

  private static final Logger LOG = LoggerFactory.getLogger(InviteMailer.class);

  /** Mails being handed to the transport at once (and SMTP connections in the pool). */
  static final int MAX_CONCURRENT = 4;
  /** How many sent invites are remembered to ignore a repeated request. */
  static final int REMEMBERED_SENT = 10_000;
  /** One attempt that has not finished by then counts as failed. */
  static final long ATTEMPT_TIMEOUT_MS = 120_000;
  private static final int MAX_ERROR_LENGTH = 200;
  private static final long NO_TIMER = -1;

  /** What became of a submitted email. */
  enum Admission { QUEUED, DUPLICATE, FULL }

  private final Vertx vertx;
  private final MailTransport transport;
  private final StatusReporter reporter;
  private final String from;
  private final long retryMillis;
  private final int maxAttempts;
  private final int maxQueued;

  /** Invites queued, being sent or waiting to be tried again, by id. */
  private final Map<String, Job> pending = new HashMap<>();
  private final ArrayDeque<Job> ready = new ArrayDeque<>();
  private final RecentIds sent = new RecentIds(REMEMBERED_SENT);
  private int inFlight;

  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();

  InviteMailer(Vertx vertx, MailTransport transport, StatusReporter reporter, String from, long retryMillis,
               int maxAttempts, int maxQueued) {
    this.vertx = vertx;
    this.transport = transport;
    this.reporter = reporter;
    this.from = from;
    this.retryMillis = retryMillis;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.maxQueued = maxQueued;
  }

  /** Takes the work unless this invite is already queued or sent, or too many mails wait already. */
  Admission submit(InviteEmailWork work) {
    if (pending.containsKey(work.invite()) || sent.contains(work.invite())) {
      return Admission.DUPLICATE;
    }
    if (pending.size() >= maxQueued) {
      return Admission.FULL;
    }
    Job job = new Job(work, InviteEmail.render(work).toMessage(from, work.to()));
    pending.put(work.invite(), job);
    ready.add(job);
    pump();
    return Admission.QUEUED;
  }

  /** Delivery attempts started so far. */
  int attempts() {
    return attempts.get();
  }

  /** Delivery attempts failed so far. */
  int failures() {
    return failures.get();
  }

  Future<Void> close() {
    if (!pending.isEmpty()) {
      LOG.warn("Stopping with {} invitation email(s) not sent yet; their invites stay valid as links",
          pending.size());
    }
    for (Job job : pending.values()) {
      job.finished = true;
      cancelRetry(job);
    }
    pending.clear();
    ready.clear();
    return transport.close();
  }

  private void pump() {
    while (inFlight < MAX_CONCURRENT && !ready.isEmpty()) {
      attempt(ready.poll());
    }
  }

  private void attempt(Job job) {
    inFlight++;
    job.attempts++;
    attempts.incrementAndGet();
    Future<Void> delivery = transport.deliver(job.work.invite(), job.message);
    // An attempt given up on timeout may still get through while the retry waits: then that retry must not send.
    delivery.onSuccess(done -> {
      if (job.retryTimer != NO_TIMER) {
        cancelRetry(job);
        delivered(job);
      }
    });
    delivery.timeout(ATTEMPT_TIMEOUT_MS, TimeUnit.MILLISECONDS).onComplete(result -> {
      inFlight--;
      if (result.succeeded()) {
        delivered(job);
      } else {
        failed(job, result.cause());
      }
      pump();
    });
  }

  private void delivered(Job job) {
    if (job.finished) {
      return;
    }
    job.finished = true;
    String invite = job.work.invite();
    pending.remove(invite);
    sent.add(invite);
    LOG.debug("Invitation email for invite {} delivered after {} attempt(s)", invite, job.attempts);
    reporter.sent(invite);
  }

  private void failed(Job job, Throwable failure) {
    if (job.finished) {
      return;
    }
    failures.incrementAndGet();
    String invite = job.work.invite();
    String error = describe(failure);
    if (job.attempts >= maxAttempts || transport.isPermanent(failure)) {
      job.finished = true;
      pending.remove(invite);
      LOG.warn("Invitation email for invite {} to {} failed after {} attempt(s): {}", invite, job.work.to(),
          job.attempts, error);
      reporter.failed(invite, error);
      return;
    }
    long delay = Backoff.delay(retryMillis, job.attempts);
    LOG.warn("Invitation email for invite {} failed (attempt {} of {}): {}; trying again in {} ms", invite,
        job.attempts, maxAttempts, error, delay);
    job.retryTimer = vertx.setTimer(delay, timer -> {
      job.retryTimer = NO_TIMER;
      if (!job.finished) {
        ready.add(job);
        pump();
      }
    });
  }

  private void cancelRetry(Job job) {
    if (job.retryTimer != NO_TIMER) {
      vertx.cancelTimer(job.retryTimer);
      job.retryTimer = NO_TIMER;
    }
  }

  /** A short reason for room-verticle and the log, e.g. the SMTP server's reply or "Connection refused". */
  private static String describe(Throwable failure) {
    String message = failure instanceof TimeoutException
        ? "no answer from the mail server within " + ATTEMPT_TIMEOUT_MS / 1000 + " s"
        : failure.getMessage();
    if (message == null || message.isBlank()) {
      message = failure.getClass().getSimpleName();
    }
    message = message.replaceAll("\\s+", " ").trim();
    return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
  }

  private static final class Job {
    final InviteEmailWork work;
    final MailMessage message;
    int attempts;
    long retryTimer = NO_TIMER;
    boolean finished;

    Job(InviteEmailWork work, MailMessage message) {
      this.work = work;
      this.message = message;
    }
  }
}
