namespace Identity.Server.Features.Audit;

/// <summary>
/// The names of audited events, as stored and as the admin page filters them. A name is never
/// reused for another meaning, so saved filters and alerts keep working.
/// </summary>
public static class AuditEventTypes
{
    public const string SignIn = "sign_in";
    public const string Lockout = "lockout";
    public const string SignOut = "sign_out";
    public const string Registration = "registration";
    public const string EmailConfirmation = "email_confirmation";
    public const string PasswordReset = "password_reset";
    public const string PasswordChange = "password_change";
    public const string EmailChange = "email_change";
    public const string SecondFactorSent = "second_factor_sent";
    public const string SecondFactorVerified = "second_factor_verified";
    public const string TwoStepChange = "two_step_change";
    public const string NewDevice = "new_device";
    public const string TokenRevocation = "token_revocation";
    public const string Import = "import";
    public const string Export = "export";
    public const string AdministratorCreated = "administrator_created";

    public const string AdminAccessDenied = "admin.access_denied";
    public const string AdminUserCreated = "admin.user_created";
    public const string AdminUserUpdated = "admin.user_updated";
    public const string AdminUserLocked = "admin.user_locked";
    public const string AdminUserUnlocked = "admin.user_unlocked";
    public const string AdminPasswordResetSent = "admin.password_reset_sent";
    public const string AdminTwoStepReset = "admin.two_step_reset";
    public const string AdminRoleAdded = "admin.role_added";
    public const string AdminRoleRemoved = "admin.role_removed";
    public const string AdminSessionsRevoked = "admin.sessions_revoked";
    public const string AdminAuthorizationRevoked = "admin.authorization_revoked";
    public const string AdminDeviceSignedOut = "admin.device_signed_out";
    public const string AdminDeviceForgotten = "admin.device_forgotten";
    public const string AdminUserDeleted = "admin.user_deleted";
    public const string AdminClientCreated = "admin.client_created";
    public const string AdminClientUpdated = "admin.client_updated";
    public const string AdminClientSecretRotated = "admin.client_secret_rotated";
    public const string AdminClientDeleted = "admin.client_deleted";
    public const string AdminScopeCreated = "admin.scope_created";
    public const string AdminScopeUpdated = "admin.scope_updated";
    public const string AdminScopeDeleted = "admin.scope_deleted";
    public const string AdminAuditExported = "admin.audit_exported";

    /// <summary>Every event type, in the order the admin page lists them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        SignIn, Lockout, SignOut, Registration, EmailConfirmation, PasswordReset, PasswordChange, EmailChange,
        SecondFactorSent, SecondFactorVerified, TwoStepChange, NewDevice, TokenRevocation, Import, Export, AdministratorCreated,
        AdminAccessDenied, AdminUserCreated, AdminUserUpdated, AdminUserLocked, AdminUserUnlocked,
        AdminPasswordResetSent, AdminTwoStepReset, AdminRoleAdded, AdminRoleRemoved, AdminSessionsRevoked,
        AdminAuthorizationRevoked, AdminDeviceSignedOut, AdminDeviceForgotten, AdminUserDeleted, AdminClientCreated, AdminClientUpdated,
        AdminClientSecretRotated, AdminClientDeleted, AdminScopeCreated, AdminScopeUpdated, AdminScopeDeleted,
        AdminAuditExported,
    ];

    public static string OutcomeName(AuditOutcome outcome) => outcome == AuditOutcome.Success ? "success" : "failure";
}
