package dev.parley.shared.contract;

import dev.parley.shared.accounts.AccountCommands;
import dev.parley.shared.accounts.ProfileCommands;
import dev.parley.shared.accounts.RecoveryCommands;
import dev.parley.shared.e2ee.E2eeCommands;
import dev.parley.shared.files.FileCommands;
import dev.parley.shared.notify.DigestCommands;
import dev.parley.shared.notify.InviteEmailWork;
import dev.parley.shared.notify.OutboxCommands;
import dev.parley.shared.notify.PreferenceCommands;
import dev.parley.shared.notify.PushCommands;
import dev.parley.shared.ops.OpsCommands;
import dev.parley.shared.plugins.BotCommands;
import dev.parley.shared.plugins.FirehoseCommands;
import dev.parley.shared.plugins.WebhookCommands;
import dev.parley.shared.presence.PresenceCommands;
import dev.parley.shared.rooms.InviteCommands;
import dev.parley.shared.rooms.MessageCommands;
import dev.parley.shared.rooms.RoomCommands;
import dev.parley.shared.rooms.SearchCommands;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event-bus contract as a whole: its version and every command route. A plugin depends on this module alone and
 * finds here every command it may send and the records that read the answers.
 */
public final class Contract {

  /**
   * The contract's version, carried by every request in the {@link #VERSION_HEADER} header. Changes within a version
   * are additive (new commands, new optional fields); a responder refuses a request of a version it does not know.
   */
  public static final int VERSION = 1;

  /** The header that names the contract version of a request. */
  public static final String VERSION_HEADER = "v";

  /** The header that names a command's action on its address. */
  public static final String ACTION_HEADER = "action";

  /**
   * The header of every answer of a {@link Responder}: the instance's own address ({@code Addresses.instance}), where
   * a requester may reach that instance again, and only it.
   */
  public static final String ANSWERED_BY_HEADER = "by";

  /**
   * An action every {@link Responder} answers with {@code {}} on any of its addresses, without a route: how a
   * requester asks an instance it suspects whether it is alive again.
   */
  public static final String PING_ACTION = "ping";

  /** Every command route of the contract. */
  public static final List<Route<?, ?>> ROUTES = List.of(
      RoomCommands.CreateRoom.ROUTE,
      RoomCommands.ListRooms.ROUTE,
      RoomCommands.ListChannels.ROUTE,
      RoomCommands.JoinRoom.ROUTE,
      RoomCommands.OpenDm.ROUTE,
      E2eeCommands.RegisterDevice.ROUTE,
      E2eeCommands.ListDevices.ROUTE,
      E2eeCommands.RemoveDevice.ROUTE,
      E2eeCommands.UploadKeyPackages.ROUTE,
      E2eeCommands.ClaimKeyPackages.ROUTE,
      E2eeCommands.PostCommit.ROUTE,
      E2eeCommands.ListWelcomes.ROUTE,
      E2eeCommands.ReadEvents.ROUTE,
      E2eeCommands.PutBackup.ROUTE,
      E2eeCommands.ReadBackup.ROUTE,
      RoomCommands.FindUsers.ROUTE,
      RoomCommands.ListMembers.ROUTE,
      RoomCommands.Moderate.ROUTE,
      RoomCommands.AuditLog.ROUTE,
      MessageCommands.PostMessage.ROUTE,
      MessageCommands.History.ROUTE,
      MessageCommands.Replay.ROUTE,
      MessageCommands.MarkRead.ROUTE,
      MessageCommands.EditMessage.ROUTE,
      MessageCommands.React.ROUTE,
      MessageCommands.ThreadReplies.ROUTE,
      MessageCommands.FollowThread.ROUTE,
      MessageCommands.ListMentions.ROUTE,
      MessageCommands.ListReceipts.ROUTE,
      MessageCommands.SetReadReceipts.ROUTE,
      FileCommands.BeginUpload.ROUTE,
      FileCommands.RecordFile.ROUTE,
      FileCommands.OpenFile.ROUTE,
      FileCommands.SweepFiles.ROUTE,
      SearchCommands.SearchMessages.ROUTE,
      FirehoseCommands.ReadEvents.ROUTE,
      FirehoseCommands.HoldCursor.ROUTE,
      WebhookCommands.CreateWebhook.ROUTE,
      WebhookCommands.FindIncoming.ROUTE,
      WebhookCommands.OutgoingWebhooks.ROUTE,
      BotCommands.CreateBot.ROUTE,
      BotCommands.BotByToken.ROUTE,
      InviteCommands.CreateInvite.ROUTE,
      InviteCommands.ListInvites.ROUTE,
      InviteCommands.RevokeInvite.ROUTE,
      InviteCommands.InviteInfo.ROUTE,
      InviteCommands.AcceptInvite.ROUTE,
      InviteCommands.EmailInviteStatus.ROUTE,
      AccountCommands.CreateUser.ROUTE,
      AccountCommands.FindCredentials.ROUTE,
      AccountCommands.GetUser.ROUTE,
      AccountCommands.CreateSession.ROUTE,
      AccountCommands.RotateSession.ROUTE,
      AccountCommands.RevokeSession.ROUTE,
      AccountCommands.ListSessions.ROUTE,
      AccountCommands.RevokeSessions.ROUTE,
      AccountCommands.SetPassword.ROUTE,
      AccountCommands.SetWorkspaceRole.ROUTE,
      AccountCommands.OAuthSignIn.ROUTE,
      ProfileCommands.GetProfile.ROUTE,
      ProfileCommands.UpdateProfile.ROUTE,
      ProfileCommands.SetAvatar.ROUTE,
      ProfileCommands.ClearAvatar.ROUTE,
      ProfileCommands.GetAvatar.ROUTE,
      PresenceCommands.SharingRooms.ROUTE,
      OutboxCommands.NotifyMessage.ROUTE,
      OutboxCommands.NotifyMessages.ROUTE,
      OutboxCommands.NotifyProfile.ROUTE,
      OutboxCommands.QueueWork.ROUTE,
      OutboxCommands.ClaimWork.ROUTE,
      OutboxCommands.FinishWork.ROUTE,
      PushCommands.Subscribe.ROUTE,
      PushCommands.Unsubscribe.ROUTE,
      PushCommands.ListSubscriptions.ROUTE,
      PreferenceCommands.GetPersonSettings.ROUTE,
      PreferenceCommands.SetPersonSettings.ROUTE,
      PreferenceCommands.GetRoomSettings.ROUTE,
      PreferenceCommands.SetRoomSettings.ROUTE,
      DigestCommands.ReadDigest.ROUTE,
      DigestCommands.DigestSent.ROUTE,
      DigestCommands.StopEmails.ROUTE,
      InviteEmailWork.ROUTE,
      OpsCommands.PingDatabase.ROUTE,
      OpsCommands.NotificationBacklog.ROUTE,
      RecoveryCommands.RequestPasswordReset.ROUTE,
      RecoveryCommands.ResetPassword.ROUTE,
      RecoveryCommands.RequestEmailVerification.ROUTE,
      RecoveryCommands.VerifyEmail.ROUTE);

  private static final Map<String, Route<?, ?>> BY_KEY =
      ROUTES.stream().collect(Collectors.toUnmodifiableMap(Contract::key, Function.identity()));

  private Contract() {
  }

  /** The routes answered on one address. */
  public static List<Route<?, ?>> routesOn(String address) {
    return ROUTES.stream().filter(route -> route.address().equals(address)).toList();
  }

  /** The route of an action on an address, or null. */
  public static Route<?, ?> route(String address, String action) {
    return BY_KEY.get(address + "#" + action);
  }

  private static String key(Route<?, ?> route) {
    return route.address() + "#" + route.action();
  }
}
