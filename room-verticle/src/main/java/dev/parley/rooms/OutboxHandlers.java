package dev.parley.rooms;

import dev.parley.rooms.store.DigestStore;
import dev.parley.rooms.store.OutboxStore;
import dev.parley.rooms.store.PreferenceStore;
import dev.parley.rooms.store.PushStore;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Responder;
import dev.parley.shared.notify.DigestCommands.DigestSent;
import dev.parley.shared.notify.DigestCommands.ReadDigest;
import dev.parley.shared.notify.DigestCommands.StopEmails;
import dev.parley.shared.notify.OutboxCommands.ClaimWork;
import dev.parley.shared.notify.OutboxCommands.FinishWork;
import dev.parley.shared.notify.OutboxCommands.NotifyMessage;
import dev.parley.shared.notify.OutboxCommands.NotifyMessages;
import dev.parley.shared.notify.OutboxCommands.NotifyProfile;
import dev.parley.shared.notify.OutboxCommands.QueueWork;
import dev.parley.shared.notify.OutboxCommands.Queued;
import dev.parley.shared.notify.OutboxCommands.RoomNotifyProfile;
import dev.parley.shared.notify.OutboxCommands.WorkList;
import dev.parley.shared.notify.PreferenceCommands.GetPersonSettings;
import dev.parley.shared.notify.PreferenceCommands.GetRoomSettings;
import dev.parley.shared.notify.PreferenceCommands.SetPersonSettings;
import dev.parley.shared.notify.PreferenceCommands.SetRoomSettings;
import dev.parley.shared.notify.PushCommands.ListSubscriptions;
import dev.parley.shared.notify.PushCommands.Subscribe;
import dev.parley.shared.notify.PushCommands.Subscribed;
import dev.parley.shared.notify.PushCommands.Subscriptions;
import dev.parley.shared.notify.PushCommands.Unsubscribe;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * The commands about notifications on {@link dev.parley.shared.Addresses#ROOMS_CMD}: notification-verticle's work
 * queue, people's Web Push subscriptions and their notification settings. They change no room and announce nothing.
 */
final class OutboxHandlers {

  private final OutboxStore outbox;
  private final PushStore push;
  private final PreferenceStore preferences;
  private final DigestStore digests;

  OutboxHandlers(Pool pool) {
    this.digests = new DigestStore(pool);
    this.outbox = new OutboxStore(pool);
    this.push = new PushStore(pool);
    this.preferences = new PreferenceStore(pool);
  }

  Responder register(Responder responder) {
    return responder
        .on(NotifyMessage.ROUTE, command -> outbox.notifyMessages(List.of(command)).map(Queued::new))
        .on(NotifyMessages.ROUTE, command -> outbox.notifyMessages(command.messages()).map(Queued::new))
        .on(NotifyProfile.ROUTE, command -> outbox.everyMessageNotifies(command.room()).map(RoomNotifyProfile::new))
        .on(QueueWork.ROUTE, command -> outbox.queue(command).map(Queued::new))
        .on(ClaimWork.ROUTE, command -> outbox.claim(command).map(WorkList::new))
        .on(FinishWork.ROUTE, command -> outbox.finish(command).map(Done.DONE))
        .on(Subscribe.ROUTE, command -> push.subscribe(command.user(), command.subscription()).map(Subscribed::new))
        .on(Unsubscribe.ROUTE, command -> push.unsubscribe(command.user(), command.endpoint()).map(Done.DONE))
        .on(ListSubscriptions.ROUTE, command -> push.subscriptions(command.user()).map(Subscriptions::new))
        .on(GetPersonSettings.ROUTE, command -> preferences.person(command.user()))
        .on(SetPersonSettings.ROUTE, preferences::setPerson)
        .on(GetRoomSettings.ROUTE, command -> preferences.room(command.room(), command.user()))
        .on(SetRoomSettings.ROUTE, preferences::setRoom)
        .on(ReadDigest.ROUTE, command -> digests.read(command.user()))
        .on(DigestSent.ROUTE, command -> digests.sent(command.user(), command.until()).map(Done.DONE))
        .on(StopEmails.ROUTE, command -> digests.stop(command.token()).map(Done.DONE));
  }
}
