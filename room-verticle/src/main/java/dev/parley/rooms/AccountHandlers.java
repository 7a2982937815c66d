package dev.parley.rooms;

import dev.parley.rooms.store.AccountStore;
import dev.parley.rooms.store.BotStore;
import dev.parley.rooms.store.E2eeStore;
import dev.parley.rooms.store.IdentityStore;
import dev.parley.rooms.store.ProfileStore;
import dev.parley.rooms.store.RecoveryStore;
import dev.parley.rooms.store.RoomStore;
import dev.parley.shared.accounts.AccountCommands.CreateSession;
import dev.parley.shared.accounts.AccountCommands.CreateUser;
import dev.parley.shared.accounts.AccountCommands.FindCredentials;
import dev.parley.shared.accounts.AccountCommands.GetUser;
import dev.parley.shared.accounts.AccountCommands.ListSessions;
import dev.parley.shared.accounts.AccountCommands.OAuthSignIn;
import dev.parley.shared.accounts.AccountCommands.RevokeSession;
import dev.parley.shared.accounts.AccountCommands.RevokeSessions;
import dev.parley.shared.accounts.AccountCommands.RotateSession;
import dev.parley.shared.accounts.AccountCommands.SessionCreated;
import dev.parley.shared.accounts.AccountCommands.SessionList;
import dev.parley.shared.accounts.AccountCommands.SessionsRevoked;
import dev.parley.shared.accounts.AccountCommands.SetPassword;
import dev.parley.shared.accounts.AccountCommands.SetWorkspaceRole;
import dev.parley.shared.accounts.AccountCommands.UserReply;
import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.accounts.ProfileCommands.ClearAvatar;
import dev.parley.shared.accounts.ProfileCommands.GetAvatar;
import dev.parley.shared.accounts.ProfileCommands.GetProfile;
import dev.parley.shared.accounts.ProfileCommands.ProfileReply;
import dev.parley.shared.accounts.ProfileCommands.SetAvatar;
import dev.parley.shared.accounts.ProfileCommands.UpdateProfile;
import dev.parley.shared.accounts.RecoveryCommands.RequestEmailVerification;
import dev.parley.shared.accounts.RecoveryCommands.RequestPasswordReset;
import dev.parley.shared.accounts.RecoveryCommands.ResetPassword;
import dev.parley.shared.accounts.RecoveryCommands.VerifyEmail;
import dev.parley.shared.contract.Publisher;
import dev.parley.shared.contract.Responder;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.UserNotice.RoomAdded;
import dev.parley.shared.events.UserNotice;
import dev.parley.shared.plugins.BotCommands.BotByToken;
import dev.parley.shared.plugins.BotCommands.CreateBot;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The commands on {@link dev.parley.shared.Addresses#ACCOUNTS_CMD}: accounts, sessions, identities, profiles. */
final class AccountHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(AccountHandlers.class);

  private final AccountStore accounts;
  private final IdentityStore identities;
  private final ProfileStore profiles;
  private final RecoveryStore recovery;
  private final RoomStore rooms;
  private final BotStore bots;
  private final List<String> defaultChannels;
  private final Publisher publisher;
  private final E2eeStore e2ee;

  /**
   * Sessions ended: their devices left the directory with them (a trigger, V30__e2ee.sql), so the person's encrypted
   * rooms hear that their devices changed and the groups drop those devices.
   */
  private Future<SessionsRevoked> signedOut(SessionsRevoked revoked, String user) {
    return revoked.revoked().isEmpty() ? Future.succeededFuture(revoked)
        : E2eeHandlers.devicesChanged(e2ee, publisher, user).map(revoked);
  }

  /** {@code defaultChannels}: the public channels every newcomer joins (see {@link RoomStore#welcome}). */
  AccountHandlers(Pool pool, Publisher publisher, List<String> defaultChannels) {
    this.accounts = new AccountStore(pool);
    this.identities = new IdentityStore(pool, accounts);
    this.profiles = new ProfileStore(pool);
    this.recovery = new RecoveryStore(pool, accounts);
    this.rooms = new RoomStore(pool);
    this.bots = new BotStore(pool);
    this.defaultChannels = List.copyOf(defaultChannels);
    this.publisher = publisher;
    this.e2ee = new E2eeStore(pool);
  }

  Responder register(Responder responder) {
    return responder
        .on(CreateUser.ROUTE, command -> accounts.createUser(command.email(), command.name(), command.passwordHash())
            .compose(this::welcomed).map(UserReply::new))
        .on(FindCredentials.ROUTE, command -> accounts.findCredentials(command.email()))
        .on(GetUser.ROUTE, command -> accounts.getUser(command.user()).map(UserReply::new))
        .on(CreateSession.ROUTE, command -> accounts.createSession(command.user(), command.refreshHash(),
            command.expiresAt(), command.device()).map(SessionCreated::new))
        .on(RotateSession.ROUTE, command -> accounts.rotateSession(command.refreshHash(), command.newRefreshHash(),
            command.expiresAt()))
        .on(RevokeSession.ROUTE, command -> accounts.revokeSession(command.refreshHash())
            .compose(revoked -> signedOut(revoked, revoked.user())))
        .on(ListSessions.ROUTE, command -> accounts.listSessions(command.user()).map(SessionList::new))
        .on(RevokeSessions.ROUTE, command -> accounts.revokeSessions(command.user(), command.session(),
            command.except()).compose(revoked -> signedOut(revoked, command.user())))
        .on(SetPassword.ROUTE, command -> accounts.setPassword(command.user(), command.passwordHash(),
            command.except()).compose(revoked -> signedOut(revoked, command.user())))
        .on(SetWorkspaceRole.ROUTE, command -> accounts.setWorkspaceRole(command.actor(), command.user(),
            command.role()).map(UserReply::new))
        .on(OAuthSignIn.ROUTE, command -> identities.signIn(command)
            .compose(signedIn -> signedIn.created() ? welcomed(signedIn.user()).map(signedIn)
                : Future.succeededFuture(signedIn)))
        .on(GetProfile.ROUTE, command -> profiles.publicProfile(command.user()).map(ProfileReply::new))
        .on(UpdateProfile.ROUTE, command -> profiles.updateProfile(command.user(), command.name(), command.handle())
            .map(this::announced))
        .on(SetAvatar.ROUTE, command -> profiles.setAvatar(command.user(), command.png256(), command.png64())
            .map(this::announced))
        .on(ClearAvatar.ROUTE, command -> profiles.clearAvatar(command.user()).map(this::announced))
        .on(GetAvatar.ROUTE, command -> profiles.avatar(command.user(), command.size()))
        .on(CreateBot.ROUTE, bots::create)
        .on(BotByToken.ROUTE, bots::byToken)
        .on(RequestPasswordReset.ROUTE, recovery::requestReset)
        .on(ResetPassword.ROUTE, recovery::reset)
        .on(RequestEmailVerification.ROUTE, recovery::requestVerification)
        .on(VerifyEmail.ROUTE, command -> recovery.verify(command).map(UserReply::new));
  }

  /**
   * A new account joins the workspace's default channels, so that it does not start with an empty sidebar. The
   * account exists whatever happens here: a failure is logged and the sign-up goes on (they can still join channels
   * by hand), rather than failing a sign-up the client would then retry into a conflict.
   */
  private Future<AccountView> welcomed(AccountView account) {
    return rooms.welcome(account, defaultChannels)
        .map(joined -> {
          for (RoomStore.Joined room : joined) {
            if (room.event() != null) {
              publisher.stored(room.event());
              publisher.notice(account.id(), UserNotice.of(new RoomAdded(room.room())));
            }
          }
          return account;
        })
        .recover(failure -> {
          LOG.warn("New account {} could not join the default channels: {}", account.id(), failure.toString());
          return Future.succeededFuture(account);
        });
  }

  /** Tells everyone who shares a room with the person, and their own devices, that their profile changed. */
  private UserReply announced(ProfileStore.Change change) {
    if (change.announcement() != null) {
      for (String room : change.rooms()) {
        publisher.ephemeral(RoomEvent.of(room, null, change.announcement()));
      }
      publisher.notice(change.user().id(), UserNotice.of(change.announcement()));
    }
    return new UserReply(change.user());
  }
}
