package dev.parley.rooms;

import dev.parley.rooms.store.ConversationStore;
import dev.parley.rooms.store.DatabasePools;
import dev.parley.rooms.store.FileStore;
import dev.parley.rooms.store.FirehoseStore;
import dev.parley.rooms.store.WebhookStore;
import dev.parley.rooms.store.InviteStore;
import dev.parley.rooms.store.MessageStore;
import dev.parley.rooms.store.MessageStore.Edited;
import dev.parley.rooms.store.MessageStore.Posted;
import dev.parley.rooms.store.ModerationStore;
import dev.parley.rooms.store.Outcome;
import dev.parley.rooms.store.ReadStore;
import dev.parley.rooms.store.RoomStore;
import dev.parley.rooms.store.SearchIndexer;
import dev.parley.rooms.store.SearchStore;
import dev.parley.shared.contract.Done;
import dev.parley.shared.e2ee.E2eeCommands;
import dev.parley.shared.contract.Publisher;
import dev.parley.shared.contract.Responder;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.UserNotice.RoomAdded;
import dev.parley.shared.events.UserNotice;
import dev.parley.shared.plugins.FirehoseCommands;
import dev.parley.shared.plugins.MessageHook;
import dev.parley.shared.plugins.WebhookCommands.CreateWebhook;
import dev.parley.shared.plugins.WebhookCommands.FindIncoming;
import dev.parley.shared.plugins.WebhookCommands.OutgoingWebhooks;
import dev.parley.shared.plugins.WebhookCommands.WebhooksChanged;
import dev.parley.shared.files.FileCommands.BeginUpload;
import dev.parley.shared.files.FileCommands.OpenFile;
import dev.parley.shared.files.FileCommands.RecordFile;
import dev.parley.shared.files.FileCommands.SweepFiles;
import dev.parley.shared.presence.PresenceCommands.People;
import dev.parley.shared.presence.PresenceCommands.SharingRooms;
import dev.parley.shared.rooms.InviteCommands.AcceptInvite;
import dev.parley.shared.rooms.InviteCommands.CreateInvite;
import dev.parley.shared.rooms.InviteCommands.EmailInviteStatus;
import dev.parley.shared.rooms.InviteCommands.InviteInfo;
import dev.parley.shared.rooms.InviteCommands.InviteList;
import dev.parley.shared.rooms.InviteCommands.ListInvites;
import dev.parley.shared.rooms.InviteCommands.RevokeInvite;
import dev.parley.shared.rooms.MessageCommands.EditMessage;
import dev.parley.shared.rooms.MessageCommands.FollowThread;
import dev.parley.shared.rooms.MessageCommands.History;
import dev.parley.shared.rooms.MessageCommands.ListMentions;
import dev.parley.shared.rooms.MessageCommands.ListReceipts;
import dev.parley.shared.rooms.MessageCommands.MarkRead;
import dev.parley.shared.rooms.MessageCommands.ReadReceiptsSetting;
import dev.parley.shared.rooms.MessageCommands.Receipts;
import dev.parley.shared.rooms.MessageCommands.SetReadReceipts;
import dev.parley.shared.rooms.MessageCommands.MessageAck;
import dev.parley.shared.rooms.MessageCommands.MessageReply;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import dev.parley.shared.rooms.MessageCommands.React;
import dev.parley.shared.rooms.MessageCommands.Replay;
import dev.parley.shared.rooms.MessageCommands.ThreadReplies;
import dev.parley.shared.rooms.MessageView;
import dev.parley.shared.rooms.RoomCommands.AuditEntries;
import dev.parley.shared.rooms.RoomCommands.AuditLog;
import dev.parley.shared.rooms.RoomCommands.ChannelList;
import dev.parley.shared.rooms.RoomCommands.CreateRoom;
import dev.parley.shared.rooms.RoomCommands.FindUsers;
import dev.parley.shared.rooms.RoomCommands.JoinRoom;
import dev.parley.shared.rooms.RoomCommands.ListChannels;
import dev.parley.shared.rooms.RoomCommands.ListMembers;
import dev.parley.shared.rooms.RoomCommands.ListRooms;
import dev.parley.shared.rooms.RoomCommands.MemberList;
import dev.parley.shared.rooms.RoomCommands.Moderate;
import dev.parley.shared.rooms.RoomCommands.ModerationResult;
import dev.parley.shared.rooms.RoomCommands.OpenDm;
import dev.parley.shared.rooms.RoomCommands.OpenedDm;
import dev.parley.shared.rooms.RoomCommands.PersonList;
import dev.parley.shared.rooms.RoomCommands.RoomReply;
import dev.parley.shared.rooms.RoomView;
import dev.parley.shared.rooms.SearchCommands.SearchMessages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * The commands on {@link dev.parley.shared.Addresses#ROOMS_CMD}: each is carried out by a store, and what it changed
 * is announced once committed: stored events to the room (and the firehose), notices to the people concerned.
 */
final class RoomHandlers {

  private final RoomStore rooms;
  private final MessageStore messages;
  private final ConversationStore conversations;
  private final ModerationStore moderation;
  private final InviteStore invites;
  private final ReadStore reads;
  private final FileStore files;
  private final SearchStore search;
  private final FirehoseStore firehose;
  private final WebhookStore webhooks;
  private final Publisher publisher;
  private final MessageHooks hooks;

  RoomHandlers(Vertx vertx, DatabasePools pools, Publisher publisher, long batchIntervalMillis,
               SearchIndexer searchIndexer, MessageHooks hooks) {
    Pool pool = pools.commands();
    this.rooms = new RoomStore(pool);
    this.messages = new MessageStore(vertx, pool, pools.messageWrites(), batchIntervalMillis, searchIndexer);
    this.conversations = new ConversationStore(pool);
    this.moderation = new ModerationStore(pool);
    this.invites = new InviteStore(pool);
    this.reads = new ReadStore(pool);
    this.files = new FileStore(pool);
    this.search = new SearchStore(pool);
    this.firehose = new FirehoseStore(pool);
    this.webhooks = new WebhookStore(pool);
    this.publisher = publisher;
    this.hooks = hooks;
  }

  Responder register(Responder responder) {
    return responder
        .on(CreateRoom.ROUTE, this::createRoom)
        .on(ListRooms.ROUTE, rooms::listRooms)
        .on(ListChannels.ROUTE, command -> rooms.listChannels(command.user()).map(ChannelList::new))
        .on(JoinRoom.ROUTE, this::joinRoom)
        .on(PostMessage.ROUTE, this::postMessage)
        .on(History.ROUTE, messages::history)
        .on(Replay.ROUTE, messages::replay)
        .on(E2eeCommands.ReadEvents.ROUTE, command -> messages.eventsAfter(command.room(), command.user(), command.after(),
            E2eeCommands.EVENTS_PAGE))
        .on(EditMessage.ROUTE, this::editMessage)
        .on(React.ROUTE, this::react)
        .on(ThreadReplies.ROUTE, messages::threadReplies)
        .on(FollowThread.ROUTE, command -> messages.follow(command).map(Done.DONE))
        .on(MarkRead.ROUTE, this::markRead)
        .on(ListMentions.ROUTE, reads::listMentions)
        .on(ListReceipts.ROUTE, command -> reads.receipts(command.room(), command.user()).map(Receipts::new))
        .on(SetReadReceipts.ROUTE, command -> reads.readReceipts(command.user(), command.enabled())
            .map(ReadReceiptsSetting::new))
        .on(BeginUpload.ROUTE, files::begin)
        .on(RecordFile.ROUTE, files::record)
        .on(OpenFile.ROUTE, files::open)
        .on(SweepFiles.ROUTE, files::sweep)
        .on(SearchMessages.ROUTE, search::search)
        .on(FirehoseCommands.ReadEvents.ROUTE, firehose::read)
        .on(FirehoseCommands.HoldCursor.ROUTE, firehose::hold)
        .on(CreateWebhook.ROUTE, command -> webhooks.create(command).map(created -> {
          publisher.stored(created.joined());
          publisher.webhooksChanged(new WebhooksChanged(command.room(), created.since()));
          return created;
        }))
        .on(FindIncoming.ROUTE, webhooks::findIncoming)
        .on(OutgoingWebhooks.ROUTE, webhooks::outgoing)
        .on(OpenDm.ROUTE, command -> conversations.openDm(command.user(), command.with(), command.encrypted())
            .map(opened -> new OpenedDm(announce(opened.outcome()), opened.created())))
        .on(FindUsers.ROUTE, command -> conversations.findUsers(command.user(), command.query()).map(PersonList::new))
        .on(SharingRooms.ROUTE, command -> conversations.sharingRooms(command.user(), command.people())
            .map(People::new))
        .on(ListMembers.ROUTE, command -> conversations.listMembers(command.room(), command.user())
            .map(MemberList::new))
        .on(Moderate.ROUTE, command -> moderation.moderate(command)
            .map(outcome -> new ModerationResult(announce(outcome))))
        .on(AuditLog.ROUTE, command -> conversations.auditLog(command.room(), command.user())
            .map(AuditEntries::new))
        .on(CreateInvite.ROUTE, invites::create)
        .on(ListInvites.ROUTE, command -> invites.list(command.room(), command.user()).map(InviteList::new))
        .on(RevokeInvite.ROUTE, command -> invites.revoke(command.room(), command.actor(), command.invite())
            .map(Done.DONE))
        .on(InviteInfo.ROUTE, command -> invites.info(command.tokenHash()))
        .on(AcceptInvite.ROUTE, this::acceptInvite)
        .on(EmailInviteStatus.ROUTE, command -> invites.emailStatus(command.invite(), command.status(),
            command.error()).map(Done.DONE));
  }

  private Future<RoomReply> createRoom(CreateRoom command) {
    return rooms.createRoom(command).map(room -> {
      publisher.notice(command.owner(), UserNotice.of(new RoomAdded(room)));
      return new RoomReply(room);
    });
  }

  private Future<RoomReply> joinRoom(JoinRoom command) {
    return rooms.joinChannel(command.room(), command.user())
        .map(joined -> joinedRoom(command.user(), joined.room(), joined.event()));
  }

  private Future<RoomReply> acceptInvite(AcceptInvite command) {
    return invites.accept(command.tokenHash(), command.user())
        .map(accepted -> joinedRoom(command.user(), accepted.room(), accepted.event()));
  }

  /** Someone is in a room now: the room hears it, and their own connections learn of the room (unless old news). */
  private RoomReply joinedRoom(String user, RoomView room, RoomEvent joined) {
    if (joined != null) {
      publisher.stored(joined);
      publisher.notice(user, UserNotice.of(new RoomAdded(room)));
    }
    return new RoomReply(room);
  }

  private Future<MessageAck> postMessage(PostMessage command) {
    // No hook configured: straight to the store, nothing asked and nothing allocated on the way. An end-to-end
    // encrypted message has no text a hook could read or rewrite.
    Future<Posted> stored = hooks.none() || command.ciphertext() != null ? messages.post(command)
        : hooks.apply(new MessageHook.Request(command.room(), command.sender(), command.senderName(), command.text(),
                command.thread(), null))
            .compose(text -> messages.post(text.equals(command.text()) ? command : command.withText(text)));
    return stored.map(posted -> {
      // A resend publishes again too: if the first publish was lost (a crash between commit and publish), this
      // heals it, and gateways drop what they have already delivered by seq.
      MessageAck ack = posted.ack();
      MessageView view = new MessageView(ack.id(), null, null,
          command.sender(), command.senderName(), posted.text(), ack.ts(), null, false, command.thread(),
          command.thread() != null && command.alsoInChannel(), 0, null, List.of(), List.of(), posted.mentions(),
          posted.mentionsChannel(), posted.files());
      publisher.stored(RoomEvent.of(command.room(), ack.seq(),
          command.ciphertext() == null ? view : view.encryptedAs(posted.text())));
      // After the reply: its seq is the reply's (or the batch's last reply's) next one in the room.
      if (posted.threadUpdated() != null) {
        publisher.stored(posted.threadUpdated());
      }
      return ack;
    });
  }

  private Future<MessageReply> editMessage(EditMessage command) {
    Future<Edited> stored = hooks.none() || command.ciphertext() != null ? messages.edit(command)
        : hooks.apply(new MessageHook.Request(command.room(), command.user(), null, command.text(), null,
                command.message()))
            .compose(text -> messages.edit(new EditMessage(command.room(), command.user(), command.message(), text)));
    return stored.map(edited -> {
      if (edited.event() != null) {
        publisher.stored(edited.event());
      }
      return new MessageReply(edited.message());
    });
  }

  private Future<Done> react(React command) {
    return messages.react(command).map(event -> {
      if (event != null) {
        publisher.stored(event);
      }
      return Done.DONE;
    });
  }

  /**
   * A marker that moved is news for every device of its person, on every node: their badges clear together. In a DM
   * or group DM it is also a receipt for the other members ("seen by"), unless the person keeps theirs to themselves.
   */
  private Future<Done> markRead(MarkRead command) {
    return reads.markRead(command.room(), command.user(), command.seq()).map(moved -> {
      if (moved != null) {
        publisher.notice(command.user(), UserNotice.of(moved.updated()));
        if (moved.receipt() != null) {
          publisher.ephemeral(RoomEvent.of(command.room(), null, moved.receipt()));
        }
      }
      return Done.DONE;
    });
  }

  /** Publishes what a change produced and returns the actor's view of the room. */
  private RoomView announce(Outcome outcome) {
    outcome.events().forEach(publisher::stored);
    outcome.notices().forEach(notice -> publisher.notice(notice.user(), notice.notice()));
    return outcome.room();
  }
}
