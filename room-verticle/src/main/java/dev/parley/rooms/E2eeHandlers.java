package dev.parley.rooms;

import dev.parley.rooms.store.E2eeStore;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Publisher;
import dev.parley.shared.contract.Responder;
import dev.parley.shared.e2ee.E2eeCommands.ClaimKeyPackages;
import dev.parley.shared.e2ee.E2eeCommands.CommitStored;
import dev.parley.shared.e2ee.E2eeCommands.Devices;
import dev.parley.shared.e2ee.E2eeCommands.KeyPackageCount;
import dev.parley.shared.e2ee.E2eeCommands.ListDevices;
import dev.parley.shared.e2ee.E2eeCommands.ListWelcomes;
import dev.parley.shared.e2ee.E2eeCommands.PostCommit;
import dev.parley.shared.e2ee.E2eeCommands.PutBackup;
import dev.parley.shared.e2ee.E2eeCommands.ReadBackup;
import dev.parley.shared.e2ee.E2eeCommands.RegisterDevice;
import dev.parley.shared.e2ee.E2eeCommands.RemoveDevice;
import dev.parley.shared.e2ee.E2eeCommands.UploadKeyPackages;
import dev.parley.shared.e2ee.E2eeCommands.Welcomes;
import dev.parley.shared.e2ee.E2eeEvents.DevicesChanged;
import dev.parley.shared.e2ee.E2eeEvents.WelcomeWaiting;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.UserNotice;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * The end-to-end encryption commands on {@link dev.parley.shared.Addresses#ROOMS_CMD} (docs/e2ee.md), and what they
 * announce once committed: a commit to the room, a waiting welcome to its device's person, a change of someone's
 * devices to their encrypted rooms (so members' devices update the groups and warn of new keys).
 */
final class E2eeHandlers {

  private final E2eeStore store;
  private final Publisher publisher;

  E2eeHandlers(Pool pool, Publisher publisher) {
    this.store = new E2eeStore(pool);
    this.publisher = publisher;
  }

  Responder register(Responder responder) {
    return responder
        .on(RegisterDevice.ROUTE, command -> store.register(command.user(), command.session(), command.name()))
        .on(ListDevices.ROUTE, command -> store.list(command.people()).map(Devices::new))
        .on(RemoveDevice.ROUTE, command -> store.remove(command.user(), command.device())
            .compose(removed -> devicesChanged(command.user())).map(Done.DONE))
        .on(UploadKeyPackages.ROUTE, this::uploadKeyPackages)
        .on(ClaimKeyPackages.ROUTE, command -> store.claim(command.user(), command.devices()))
        .on(PostCommit.ROUTE, this::postCommit)
        .on(ListWelcomes.ROUTE, command -> store.welcomes(command.user(), command.device()).map(Welcomes::new))
        .on(PutBackup.ROUTE, command -> store.putBackup(command.user(), command.name(), command.backup())
            .map(Done.DONE))
        .on(ReadBackup.ROUTE, command -> store.readBackup(command.user(), command.after()));
  }

  /** A device counts for others once it has keys: its first key packages announce it, not its registration. */
  private Future<KeyPackageCount> uploadKeyPackages(UploadKeyPackages command) {
    return store.upload(command.user(), command.device(), command.keyPackages())
        .compose(uploaded -> (uploaded.firstKeys() ? devicesChanged(command.user()) : Future.<Void>succeededFuture())
            .map(new KeyPackageCount(uploaded.available())));
  }

  private Future<CommitStored> postCommit(PostCommit command) {
    return store.commit(command).map(committed -> {
      publisher.stored(committed.event());
      for (String[] welcomed : committed.welcomed()) {
        publisher.notice(welcomed[0], UserNotice.of(new WelcomeWaiting(command.room(), welcomed[1])));
      }
      return committed.stored();
    });
  }

  private Future<Void> devicesChanged(String user) {
    return devicesChanged(store, publisher, user);
  }

  /**
   * Tells each encrypted room of the person that their devices changed (ephemeral {@code e2ee.devices}): the
   * members' devices check the keys and the group's keeper adds or removes devices. Also after a sign-out, whose
   * device the database forgot with its session.
   */
  static Future<Void> devicesChanged(E2eeStore store, Publisher publisher, String user) {
    if (user == null) {
      return Future.succeededFuture();
    }
    return store.encryptedRooms(user).map(rooms -> {
      rooms.forEach(room -> publisher.ephemeral(RoomEvent.of(room, null, new DevicesChanged(user))));
      return null;
    });
  }
}
