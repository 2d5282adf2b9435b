namespace Identity.Server.Features.AccountSecurity.EmailChange;

/// <summary>
/// Log events of changing and confirming an account's address, ids 3400–3499. Addresses are never
/// logged in full (<see cref="Email.EmailAddressMask"/>); codes and links never at all.
/// </summary>
public static partial class EmailChangeLog
{
    public const int ChangeRequested = 3400;
    public const int ChangeToAddressInUse = 3401;
    public const int EmailChanged = 3402;
    public const int ChangeLinkRejected = 3403;
    public const int ChangeLinkRefusedForOtherAccount = 3404;
    public const int CurrentAddressLinkResent = 3405;

    [LoggerMessage(EventId = ChangeRequested, Level = LogLevel.Information,
        Message = "Account {UserId} asked to change its email address to {NewEmail}; confirmation link {EmailResult}")]
    public static partial void Requested(ILogger logger, string userId, string newEmail, Email.EmailSendResult emailResult);

    [LoggerMessage(EventId = ChangeToAddressInUse, Level = LogLevel.Warning,
        Message = "Account {UserId} asked to change its email address to one already in use; nothing changed; owner notice {EmailResult}")]
    public static partial void AddressInUse(ILogger logger, string userId, Email.EmailSendResult? emailResult);

    [LoggerMessage(EventId = EmailChanged, Level = LogLevel.Warning,
        Message = "Email address of account {UserId} changed from {OldEmail} to {NewEmail}; notice to the old address {EmailResult}")]
    public static partial void Changed(ILogger logger, string userId, string oldEmail, string newEmail, Email.EmailSendResult emailResult);

    [LoggerMessage(EventId = ChangeLinkRejected, Level = LogLevel.Information,
        Message = "Email change link rejected (known account: {KnownAccount}): {Reason}")]
    public static partial void LinkRejected(ILogger logger, bool knownAccount, string reason);

    [LoggerMessage(EventId = ChangeLinkRefusedForOtherAccount, Level = LogLevel.Warning,
        Message = "Email change link for another account opened while {UserId} is signed in; refused")]
    public static partial void OtherAccountSignedIn(ILogger logger, string userId);

    [LoggerMessage(EventId = CurrentAddressLinkResent, Level = LogLevel.Information,
        Message = "New confirmation email for the address of account {UserId} {EmailResult}")]
    public static partial void ConfirmationResent(ILogger logger, string userId, Email.EmailSendResult emailResult);
}
