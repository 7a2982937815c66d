package dev.parley.shared.contract;

import dev.parley.shared.accounts.AccountCommands;
import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.accounts.ProfileCommands;
import dev.parley.shared.accounts.ProfileView;
import dev.parley.shared.accounts.RecoveryCommands;
import dev.parley.shared.accounts.SessionView;
import dev.parley.shared.e2ee.E2eeCommands;
import dev.parley.shared.e2ee.E2eeEvents;
import dev.parley.shared.events.EventData;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.RoomEvents;
import dev.parley.shared.events.UserNotice;
import dev.parley.shared.files.FileCommands;
import dev.parley.shared.files.FileView;
import dev.parley.shared.notify.DigestCommands;
import dev.parley.shared.notify.InviteEmailWork;
import dev.parley.shared.notify.OutboxCommands;
import dev.parley.shared.notify.PreferenceCommands;
import dev.parley.shared.notify.PushCommands;
import dev.parley.shared.notify.PushWork;
import dev.parley.shared.ops.OpsCommands;
import dev.parley.shared.plugins.BotCommands;
import dev.parley.shared.plugins.FirehoseCommands;
import dev.parley.shared.plugins.WebhookCommands;
import dev.parley.shared.presence.PresenceCommands;
import dev.parley.shared.rooms.AuditDetails;
import dev.parley.shared.rooms.InviteCommands;
import dev.parley.shared.rooms.InviteCommands.InviteView;
import dev.parley.shared.rooms.MessageCommands;
import dev.parley.shared.rooms.MessageView;
import dev.parley.shared.rooms.ModerationAction;
import dev.parley.shared.rooms.RoomCommands;
import dev.parley.shared.rooms.RoomKind;
import dev.parley.shared.rooms.RoomView;
import dev.parley.shared.rooms.SearchCommands;
import dev.parley.shared.rooms.SearchQuery;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One filled-in example of every command and reply of the contract, keyed by route, and of every event and notice.
 * A route without an example here fails the round-trip test, so a new command cannot slip in untested.
 */
final class ContractSamples {

  static final String ROOM = "2ceda582-bdf6-4881-b4b9-4db3452d85a7";
  static final String USER = "aff13c7e-fc21-4734-8e81-221c16631cbd";
  static final String OTHER = "7c1d0f3e-6a7b-4c59-9e1a-0b2c3d4e5f60";
  static final String MESSAGE = "0f8fad5b-d9cb-469f-a165-70867728950e";
  static final String SESSION = "c9bf9e57-1685-4c89-bafb-ff5af830be8a";
  static final String INVITE = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

  static final PushCommands.Subscription PUSH_SUBSCRIPTION = new PushCommands.Subscription(OTHER,
      "https://fcm.googleapis.com/fcm/send/abc", "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcx", "BTBZMqHH6r4Tts7J_aSIgg");
  static final PreferenceCommands.DoNotDisturb DND =
      new PreferenceCommands.DoNotDisturb("22:00", "07:30", "Europe/Paris");
  static final RoomView ROOM_VIEW =
      RoomView.of(ROOM, RoomKind.CHANNEL, "general", "Chat about anything", 42, false).asMember("owner", false, 3)
          .withReadState(39, 1).withChannelMentions(false);
  static final AccountView ACCOUNT = new AccountView(USER, "ana@example.org", "Ana", "ana", 2, "owner", true);
  static final MessageView MESSAGE_VIEW =
      new MessageView(MESSAGE, ROOM, 41L, USER, "Ana", "Hello *world* @bob @here", 1_764_000_000_000L,
          1_764_000_100_000L, false, List.of(OTHER), true);
  /** A thread's root with replies and reactions, as a history page shows it. */
  static final E2eeCommands.Device DEVICE = new E2eeCommands.Device(INVITE, USER, "Firefox on a laptop",
      "QKuVd7Abzz1nfAJbveXCirMdchqQ/QS0QQc/p/irKjA=", 1_764_000_000_000L);

  static final MessageView ENCRYPTED_VIEW = new MessageView(MESSAGE, ROOM, 46L, USER, "Ana", "", 1_764_000_400_000L,
      null, false).encryptedAs("AAEAAiQyY2Vk");

  static final MessageView ROOT_VIEW = new MessageView(OTHER, ROOM, 40L, USER, "Ana", "Lunch?", 1_764_000_000_000L,
      null, false, null, false, 2, 1_764_000_200_000L, List.of(USER, OTHER),
      List.of(new MessageView.Reaction("\uD83D\uDC4D", 3, true), new MessageView.Reaction("\uD83C\uDF89", 1, false)));
  /** A reply in that thread, also shown in the channel. */
  static final MessageView REPLY_VIEW = new MessageView(MESSAGE, ROOM, 44L, OTHER, "Bob", "Yes", 1_764_000_200_000L,
      null, false, OTHER, true, 0, null, List.of(), List.of());
  /** A picture sent with a message. */
  static final FileView FILE_VIEW = new FileView("3f2504e0-4f89-41d3-9a0c-0305e82c3301", "cat.png", 48_213,
      "image/png", 800, 600, true);
  /** A message that carries files. */
  static final MessageView FILES_VIEW = new MessageView(INVITE, ROOM, 45L, USER, "Ana", "", 1_764_000_300_000L,
      null, false, null, false, 0, null, List.of(), List.of(), List.of(), false,
      List.of(FILE_VIEW, new FileView(SESSION, "notes.txt", 12, "text/plain", null, null, false)));
  static final InviteView INVITE_VIEW = new InviteView(INVITE, ROOM, 5, 1, 1_765_000_000_000L, false,
      "bob@example.org", "queued", 1_764_000_000_000L, "Ana", null, null);

  /** A command and its reply, for one route. */
  record Exchange(Command<?> command, JsonBody reply) {
  }

  static final Map<Route<?, ?>, Exchange> EXCHANGES = Map.ofEntries(
      exchange(new RoomCommands.CreateRoom(USER, "general", RoomKind.CHANNEL, "topic"),
          new RoomCommands.RoomReply(ROOM_VIEW)),
      exchange(new RoomCommands.ListRooms(USER, 2, "Z2VuZXJhbA"), new RoomCommands.RoomList(List.of(ROOM_VIEW,
          RoomView.of(OTHER, RoomKind.DM, "Ana, Bob", "", 0, false).asMember("member", true, 0)), "Ym9i")),
      exchange(new RoomCommands.ListChannels(USER),
          new RoomCommands.ChannelList(List.of(RoomView.of(ROOM, RoomKind.CHANNEL, "general", "", 7, false)
              .listed(true)))),
      exchange(new RoomCommands.JoinRoom(ROOM, USER), new RoomCommands.RoomReply(ROOM_VIEW)),
      exchange(new RoomCommands.OpenDm(USER, List.of(OTHER)), new RoomCommands.OpenedDm(ROOM_VIEW, true)),
      exchange(new RoomCommands.FindUsers(USER, "an"),
          new RoomCommands.PersonList(List.of(new RoomCommands.PersonView(OTHER, "Anna", "anna")))),
      exchange(new RoomCommands.ListMembers(ROOM, USER),
          new RoomCommands.MemberList(List.of(new RoomCommands.MemberView(USER, "Ana", "owner", false)))),
      exchange(new RoomCommands.Moderate(ROOM, USER, ModerationAction.UPDATE, null, "general", null, null, null,
              false),
          new RoomCommands.ModerationResult(ROOM_VIEW)),
      exchange(new RoomCommands.AuditLog(ROOM, USER), new RoomCommands.AuditEntries(List.of(
          new RoomCommands.AuditEntry(7, "delete_message", USER, "Ana", OTHER, "Bob",
              AuditDetails.messageDeleted(MESSAGE), 1_764_000_000_000L)))),
      exchange(new MessageCommands.PostMessage(ROOM, USER, "Ana", "c-1", "Hello", OTHER, true,
              List.of(FILE_VIEW.id())),
          new MessageCommands.MessageAck(MESSAGE, 43, 1_764_000_000_000L)),
      exchange(new MessageCommands.History(ROOM, USER, 10L, null, 50),
          new MessageCommands.MessagePage(List.of(MESSAGE_VIEW, ROOT_VIEW, REPLY_VIEW, FILES_VIEW), true)),
      exchange(new MessageCommands.Replay(ROOM, USER, 40L, 500), new MessageCommands.ReplayResult(42, List.of(
          RoomEvent.of(ROOM, 41L, MESSAGE_VIEW.asEventData()),
          RoomEvent.of(ROOM, 42L, new RoomEvents.MemberJoined(OTHER, "Bob", null, INVITE))), false)),
      exchange(new MessageCommands.MarkRead(ROOM, USER, 42), Done.DONE),
      exchange(new MessageCommands.EditMessage(ROOM, USER, MESSAGE, "Hello *everyone*"),
          new MessageCommands.MessageReply(MESSAGE_VIEW)),
      exchange(new MessageCommands.React(ROOM, USER, MESSAGE, "\uD83D\uDC4D\uD83C\uDFFD", false), Done.DONE),
      exchange(new MessageCommands.ThreadReplies(ROOM, USER, OTHER, 40L, 20),
          new MessageCommands.MessagePage(List.of(REPLY_VIEW), false)),
      exchange(new MessageCommands.FollowThread(ROOM, USER, OTHER, false), Done.DONE),
      exchange(new MessageCommands.ListMentions(USER, 1_764_000_000_000L, 20),
          new MessageCommands.MessagePage(List.of(MESSAGE_VIEW), false)),
      exchange(new MessageCommands.ListReceipts(ROOM, USER),
          new MessageCommands.Receipts(List.of(new RoomEvents.ReadReceipt(OTHER, 42)))),
      exchange(new MessageCommands.SetReadReceipts(USER, false), new MessageCommands.ReadReceiptsSetting(false)),
      exchange(new PresenceCommands.SharingRooms(USER, List.of(OTHER, ROOM)),
          new PresenceCommands.People(List.of(OTHER))),
      exchange(new FileCommands.BeginUpload(ROOM, USER), new FileCommands.UploadAllowance(1_048_576)),
      exchange(new FileCommands.RecordFile(ROOM, USER, FILE_VIEW), new FileCommands.FileReply(FILE_VIEW)),
      exchange(new FileCommands.OpenFile(FILE_VIEW.id(), USER), new FileCommands.FileReply(FILE_VIEW)),
      exchange(new FileCommands.SweepFiles(86_400_000L, 1000), new FileCommands.SweptFiles(List.of(SESSION))),
      exchange(new SearchCommands.SearchMessages(USER, SearchQuery.parse(
              "deploy \"release train\" 数据 in:#general from:@ana before:2026-11-30 after:2026-11-01 has:file"),
              SearchCommands.Sort.RELEVANCE, "cmVsZXZhbmNl", 20),
          new SearchCommands.SearchResults(List.of(new SearchCommands.SearchHit(MESSAGE_VIEW, "general",
              RoomKind.CHANNEL, new SearchCommands.Snippet("the deploy failed", List.of(
                  new SearchCommands.Range(4, 10)), false, true))), "bmV4dA")),
      exchange(new FirehoseCommands.ReadEvents("9041/" + ROOM + "/41", 100),
          new FirehoseCommands.EventPage(List.of(new FirehoseCommands.LoggedEvent(ROOM + ":42", "9045/" + ROOM + "/42",
              RoomEvent.of(ROOM, 42L, MESSAGE_VIEW.asEventData()))), "9045/" + ROOM + "/42", false)),
      exchange(new FirehoseCommands.HoldCursor("notify-decisions", "notify-1", 10_000, "9045/" + ROOM + "/42"),
          new FirehoseCommands.CursorHeld(true, "9045/" + ROOM + "/42")),
      exchange(new WebhookCommands.CreateWebhook(ROOM, USER, WebhookCommands.OUTGOING, "Pinger", null,
              "https://ci.example.org/hook", "c2VjcmV0", "!ping"),
          new WebhookCommands.WebhookCreated(new WebhookCommands.WebhookView(INVITE, ROOM, WebhookCommands.OUTGOING,
              "Pinger", OTHER, "https://ci.example.org/hook", "!ping"),
              RoomEvent.of(ROOM, 43L, new RoomEvents.MemberJoined(OTHER, "Pinger", USER, null)),
              "9044/ffffffff-ffff-ffff-ffff-ffffffffffff/9223372036854775807")),
      exchange(new BotCommands.CreateBot(USER, "Standup", "aGFzaA"),
          new BotCommands.BotCreated(OTHER, "Standup", "bot_0123456789abcdef")),
      exchange(new BotCommands.BotByToken("aGFzaA"), new BotCommands.BotIdentity(OTHER, "Standup", INVITE)),
      exchange(new WebhookCommands.FindIncoming("aGFzaA"), new WebhookCommands.IncomingTarget(ROOM, OTHER, "CI")),
      exchange(new WebhookCommands.OutgoingWebhooks(ROOM), new WebhookCommands.OutgoingList(List.of(
          new WebhookCommands.Outgoing(INVITE, OTHER, "Pinger", "https://ci.example.org/hook", "c2VjcmV0", null)))),
      exchange(new OutboxCommands.NotifyMessage(ROOM, 42, List.of(OTHER), 900_000), new OutboxCommands.Queued(3)),
      exchange(new OutboxCommands.NotifyMessages(List.of(new OutboxCommands.NotifyMessage(ROOM, 42, List.of(OTHER),
          900_000), new OutboxCommands.NotifyMessage(ROOM, 43, List.of(), 900_000))), new OutboxCommands.Queued(5)),
      exchange(new OutboxCommands.NotifyProfile(ROOM), new OutboxCommands.RoomNotifyProfile(false)),
      exchange(new OutboxCommands.QueueWork(OutboxCommands.INVITE, "invite:" + INVITE, null,
          new JsonObject().put("to", "bob@example.org")), new OutboxCommands.Queued(1)),
      exchange(new OutboxCommands.ClaimWork("worker-2", 1, 1_000), new OutboxCommands.WorkList(List.of(
          new OutboxCommands.Work(8, OutboxCommands.PUSH, USER, new PushWork(ROOM, "general", "channel", 42, MESSAGE,
              OTHER, "Bob", "@ana lunch?", null, PushWork.MENTION, 1_764_000_000_000L).toJson(), 1)))),
      exchange(new PushCommands.Subscribe(USER, PUSH_SUBSCRIPTION), new PushCommands.Subscribed(PUSH_SUBSCRIPTION)),
      exchange(new PushCommands.Unsubscribe(null, PUSH_SUBSCRIPTION.endpoint()), Done.DONE),
      exchange(new PushCommands.ListSubscriptions(USER), new PushCommands.Subscriptions(List.of(PUSH_SUBSCRIPTION))),
      exchange(new PreferenceCommands.GetPersonSettings(USER), new PreferenceCommands.PersonSettings(true, null)),
      exchange(new PreferenceCommands.SetPersonSettings(USER, false, true, DND),
          new PreferenceCommands.PersonSettings(false, DND)),
      exchange(new PreferenceCommands.GetRoomSettings(ROOM, USER),
          new PreferenceCommands.RoomSettings(PreferenceCommands.MENTIONS, null)),
      exchange(new PreferenceCommands.SetRoomSettings(ROOM, USER, PreferenceCommands.ALL, true, 1_765_000_000_000L),
          new PreferenceCommands.RoomSettings(PreferenceCommands.ALL, 1_765_000_000_000L)),
      exchange(new DigestCommands.ReadDigest(USER), new DigestCommands.Digest("ana@example.org", "Ana", true, "dG9rZW4",
          List.of(new DigestCommands.DigestItem(ROOM, "general", "channel", 42, MESSAGE, "Bob", "@ana lunch?",
              1_764_000_000_000L, PushWork.MENTION)), 1, 1_764_000_900_000L)),
      exchange(new DigestCommands.DigestSent(USER, 1_764_000_900_000L), Done.DONE),
      exchange(new DigestCommands.StopEmails("dG9rZW4"), Done.DONE),
      exchange(new OpsCommands.PingDatabase(), Done.DONE),
      exchange(new RecoveryCommands.RequestPasswordReset("ana@example.org", "aGFzaA", "https://chat.example.com/#reset=dG9r",
          1800), Done.DONE),
      exchange(new RecoveryCommands.ResetPassword("aGFzaA", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"),
          new AccountCommands.SessionsRevoked(List.of(SESSION), USER)),
      exchange(new RecoveryCommands.RequestEmailVerification(USER, "aGFzaA",
          "https://chat.example.com/#verify-email=dG9r", 86_400), Done.DONE),
      exchange(new RecoveryCommands.VerifyEmail("aGFzaA"), new AccountCommands.UserReply(ACCOUNT)),
      exchange(new OpsCommands.NotificationBacklog(), new OpsCommands.Backlog(3, 12)),
      exchange(new OutboxCommands.FinishWork("worker-1", List.of(OutboxCommands.Finished.done(6),
          OutboxCommands.Finished.retry(7, 2_000, "503 from the push service"))), Done.DONE),
      exchange(new InviteCommands.CreateInvite(ROOM, USER, "aGFzaA", 5, 1_765_000_000_000L, "bob@example.org"),
          new InviteCommands.InviteCreated(INVITE_VIEW, true, "general")),
      exchange(new InviteCommands.ListInvites(ROOM, USER), new InviteCommands.InviteList(List.of(INVITE_VIEW))),
      exchange(new InviteCommands.RevokeInvite(ROOM, USER, INVITE), Done.DONE),
      exchange(new InviteCommands.InviteInfo("aGFzaA"),
          new InviteCommands.InviteTarget(ROOM, "general", RoomKind.PRIVATE, "Ana")),
      exchange(new InviteCommands.AcceptInvite("aGFzaA", OTHER), new RoomCommands.RoomReply(ROOM_VIEW)),
      exchange(new InviteCommands.EmailInviteStatus(INVITE, InviteCommands.EmailInviteStatus.FAILED, "550 no"),
          Done.DONE),
      exchange(new AccountCommands.CreateUser("ana@example.org", "Ana", "$argon2id$..."),
          new AccountCommands.UserReply(ACCOUNT)),
      exchange(new AccountCommands.FindCredentials("ana@example.org"),
          new AccountCommands.Credentials(ACCOUNT, "$argon2id$...")),
      exchange(new AccountCommands.GetUser(USER), new AccountCommands.UserReply(ACCOUNT)),
      exchange(new AccountCommands.CreateSession(USER, "aGFzaA", 1_766_000_000_000L, "Firefox"),
          new AccountCommands.SessionCreated(SESSION)),
      exchange(new AccountCommands.RotateSession("aGFzaA", "bmV3", 1_766_000_000_000L),
          new AccountCommands.SessionRotated(SESSION, ACCOUNT, true)),
      exchange(new AccountCommands.RevokeSession("aGFzaA"),
          new AccountCommands.SessionsRevoked(List.of(SESSION), USER)),
      exchange(new AccountCommands.ListSessions(USER), new AccountCommands.SessionList(List.of(
          new SessionView(SESSION, "Firefox", 1_764_000_000_000L, 1_764_100_000_000L, true)))),
      exchange(new AccountCommands.RevokeSessions(USER, null, SESSION),
          new AccountCommands.SessionsRevoked(List.of(OTHER), null)),
      exchange(new AccountCommands.SetPassword(USER, "$argon2id$...", SESSION),
          new AccountCommands.SessionsRevoked(List.of(), null)),
      exchange(new AccountCommands.SetWorkspaceRole(USER, OTHER, "admin"), new AccountCommands.UserReply(ACCOUNT)),
      exchange(new AccountCommands.OAuthSignIn("corp", "sub-1", "ana@example.org", true, "Ana"),
          new AccountCommands.OAuthSignedIn(ACCOUNT, false, true, List.of(SESSION))),
      exchange(new ProfileCommands.GetProfile(USER),
          new ProfileCommands.ProfileReply(new ProfileView(USER, "Ana", "ana", 2))),
      exchange(new ProfileCommands.UpdateProfile(USER, "Ana B", null), new AccountCommands.UserReply(ACCOUNT)),
      exchange(new ProfileCommands.SetAvatar(USER, "iVBORw0K", "iVBORw0K"), new AccountCommands.UserReply(ACCOUNT)),
      exchange(new ProfileCommands.ClearAvatar(USER), new AccountCommands.UserReply(ACCOUNT)),
      exchange(new ProfileCommands.GetAvatar(USER, 64),
          new ProfileCommands.Avatar("Ana", 2, "image/png", "iVBORw0K")),
      exchange(new InviteEmailWork(INVITE, "bob@example.org", "https://chat.example.org/invite/abc", "general",
          "Ana"), Done.DONE),
      exchange(new E2eeCommands.RegisterDevice(USER, SESSION, "Firefox on a laptop"), DEVICE),
      exchange(new E2eeCommands.ListDevices(USER, List.of(USER, OTHER)), new E2eeCommands.Devices(List.of(DEVICE))),
      exchange(new E2eeCommands.RemoveDevice(USER, INVITE), Done.DONE),
      exchange(new E2eeCommands.UploadKeyPackages(USER, INVITE, List.of("AAEABQAB")),
          new E2eeCommands.KeyPackageCount(12)),
      exchange(new E2eeCommands.ClaimKeyPackages(USER, List.of(INVITE, MESSAGE)), new E2eeCommands.ClaimedKeyPackages(
          List.of(new E2eeCommands.ClaimedKeyPackage(INVITE, OTHER, "AAEABQAB")), List.of(MESSAGE))),
      exchange(new E2eeCommands.PostCommit(ROOM, USER, INVITE, "AAEAAiQy", "AAEAAwAB", List.of(MESSAGE)),
          new E2eeCommands.CommitStored(43, 1)),
      exchange(new E2eeCommands.ReadEvents(ROOM, USER, 40), new MessageCommands.ReplayResult(46, List.of(
          RoomEvent.of(ROOM, 41L, new E2eeEvents.Commit(USER, INVITE, 1, "AAEAAiQy")),
          RoomEvent.of(ROOM, 46L, ENCRYPTED_VIEW.asEventData())), false)),
      exchange(new E2eeCommands.ListWelcomes(OTHER, MESSAGE), new E2eeCommands.Welcomes(List.of(
          new E2eeCommands.Welcome(7, ROOM, 2, 43, "AAEAAwAB")))),
      exchange(new E2eeCommands.PutBackup(USER, "room/" + ROOM + "/epoch/1", "c2VhbGVk"), Done.DONE),
      exchange(new E2eeCommands.ReadBackup(USER, null), new E2eeCommands.BackupEntries(List.of(
          new E2eeCommands.BackupEntry("room/" + ROOM + "/epoch/1", "c2VhbGVk")), false)));

  /** One of every event and notice data type. */
  static final List<EventData> EVENT_DATA = List.of(
      MESSAGE_VIEW.asEventData(),
      ROOT_VIEW.asEventData(),
      REPLY_VIEW.asEventData(),
      FILES_VIEW.asEventData(),
      new RoomEvents.MessageDeleted(MESSAGE, USER),
      new RoomEvents.MessageEdited(MESSAGE, "Hello *everyone*", 1_764_000_300_000L),
      new RoomEvents.MessageEdited(MESSAGE, "", 1_764_000_300_000L, "AAEAAiQyY2Vk"),
      new RoomEvents.ReactionAdded(MESSAGE, "\uD83C\uDDEB\uD83C\uDDF7", OTHER),
      new RoomEvents.ReactionRemoved(MESSAGE, "\u2764\uFE0F", OTHER),
      new RoomEvents.ThreadUpdated(OTHER, 2, 1_764_000_200_000L, List.of(USER, OTHER)),
      new RoomEvents.MemberJoined(OTHER, "Bob", USER, null),
      new RoomEvents.MemberLeft(OTHER, "Bob", USER, "kicked"),
      new RoomEvents.MemberUpdated(OTHER, "admin", false, null),
      new RoomEvents.MemberUpdated(OTHER, null, null, true),
      new RoomEvents.RoomUpdated("general", "Chat", true, USER),
      new RoomEvents.RoomUpdated("general", "Chat", false, USER, false),
      new RoomEvents.Typing(USER, "Ana"),
      new RoomEvents.Typing(USER, "Ana", 4_000),
      new RoomEvents.UserUpdated(USER, "Ana", "ana", 3),
      new UserNotice.RoomAdded(ROOM_VIEW),
      new UserNotice.RoomRemoved(ROOM, "banned"),
      new UserNotice.SessionRevoked(SESSION),
      new UserNotice.ReadUpdated(ROOM, 42, 3, 1),
      ENCRYPTED_VIEW.asEventData(),
      new E2eeEvents.Commit(USER, INVITE, 1, "AAEAAiQy"),
      new E2eeEvents.WelcomeWaiting(ROOM, MESSAGE),
      new E2eeEvents.DevicesChanged(USER));

  private ContractSamples() {
  }

  private static Map.Entry<Route<?, ?>, Exchange> exchange(Command<?> command, JsonBody reply) {
    return Map.entry(command.route(), new Exchange(command, reply));
  }
}
