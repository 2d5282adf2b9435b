namespace Identity.Server.Security;

/// <summary>
/// Event ids of the log events that matter for security and support, one range per capability.
/// An id is never reused for another meaning, so alerts and dashboards keep working.
/// </summary>
/// <remarks>
/// Ranges: 3000 email, 3100 registration, 3200 password reset, 3300 account security page,
/// 3400 email address change, 3500 sign-in, 4000 import, 4100 first administrator, 5000 second factors,
/// 5100 text messages, 5200 new devices, 5300 audit log, 5400 administration, 5500 passkeys, 5800 operations (pruning, the client and scope cache). Capabilities whose
/// ids are declared beside their [LoggerMessage] methods keep to their range.
/// </remarks>
public static class SecurityEventIds
{
    // 3000–3099: email delivery.
    public const int EmailSent = 3000;
    public const int EmailSendFailed = 3001;
    public const int EmailWrittenToOutbox = 3002;
    public const int EmailRecipientInvalid = 3003;

    // 3100–3199: registration and email confirmation.
    public const int AccountRegistered = 3100;
    public const int RegistrationForExistingAccount = 3101;
    public const int RegistrationRejected = 3102;
    public const int EmailConfirmed = 3103;
    public const int EmailConfirmationFailed = 3104;
    public const int ConfirmationResent = 3105;

    // 3200–3299: password reset.
    public const int PasswordResetRequested = 3200;
    public const int PasswordResetNotSent = 3201;
    public const int PasswordReset = 3202;
    public const int PasswordResetLinkRejected = 3203;

    // 3300–3399: the account security page.
    public const int PasswordChanged = 3300;
    public const int PasswordChangeRejected = 3301;
    public const int DisplayNameChanged = 3302;
    public const int SessionsRevoked = 3303;
    public const int AppAccessRevoked = 3304;
    public const int DeviceChanged = 3305;

    // 3500–3599: signing in and out.
    public const int PasswordSignInSucceeded = 3500;
    public const int PasswordSignInFailed = 3501;
    public const int AccountLockedOut = 3502;
    public const int SessionIssued = 3503;
    public const int SessionRefreshed = 3504;
    public const int SignedOut = 3505;
    public const int PasswordChangeRequired = 3506;

    // 5200–5299: new devices.
    public const int DeviceChecked = 5200;
    public const int DeviceRecorded = 5201;
    public const int NewDeviceNoticeSent = 5202;
    public const int DeviceCookieRejected = 5203;
    public const int DeviceSessionEnded = 5204;
    public const int NotMeUsed = 5205;
    public const int NotMeLinkRejected = 5206;

    // 5300–5399: the audit log.
    public const int AuditEventRecorded = 5300;
    public const int AuditWriteFailed = 5301;
    public const int AuditPruned = 5302;
    public const int AuditPruneFailed = 5303;

    // 5400–5499: administration.
    public const int AdminAccessDenied = 5400;
    public const int AdminSessionExpired = 5401;
    public const int LastAdministratorProtected = 5402;
    public const int ClientSecretRotated = 5403;
    public const int DataExported = 5404;

    // 5800–5899: operations.
    public const int StaleDataPruned = 5800;
    public const int StaleDataPruneFailed = 5801;
    public const int ClientCatalogChanged = 5802;
    public const int ClientCatalogCheckFailed = 5803;
}
