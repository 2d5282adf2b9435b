namespace Identity.Server.Security;

/// <summary>
/// Event ids of the log events that matter for security and support, one range per capability.
/// An id is never reused for another meaning, so alerts and dashboards keep working.
/// Import (4000–4099) and the first administrator (4100–4199) number their events in their own log classes.
/// </summary>
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

    // 3400–3499: signing in and out.
    public const int PasswordSignInSucceeded = 3400;
    public const int PasswordSignInFailed = 3401;
    public const int AccountLockedOut = 3402;
    public const int SessionIssued = 3403;
    public const int SessionRefreshed = 3404;
    public const int SignedOut = 3405;
    public const int PasswordChangeRequired = 3406;

    // 5000–5099: the audit log.
    public const int AuditEventRecorded = 5000;
    public const int AuditWriteFailed = 5001;
    public const int AuditPruned = 5002;
    public const int AuditPruneFailed = 5003;

    // 5100–5199: administration.
    public const int AdminAccessDenied = 5100;
    public const int AdminSessionExpired = 5101;
    public const int LastAdministratorProtected = 5102;
    public const int ClientSecretRotated = 5103;
    public const int DataExported = 5104;
}
