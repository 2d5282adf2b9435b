namespace Identity.Server.Features.Import;

/// <summary>
/// An import file: the scopes, clients and users the database should hold. The full format, with
/// every field, default and rule, is described in docs/import-format.md.
/// </summary>
public sealed record ImportFile
{
    public List<ScopeEntry?> Scopes { get; init; } = [];

    public List<ClientEntry?> Clients { get; init; } = [];

    public List<UserEntry?> Users { get; init; } = [];
}

/// <summary>An API scope beyond the standard OpenID Connect ones. The entry is its whole definition.</summary>
public sealed record ScopeEntry
{
    public string? Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>Audiences (<c>aud</c>) of access tokens that carry this scope.</summary>
    public List<string?> Resources { get; init; } = [];
}

/// <summary>A client application (relying party). The entry is its whole definition.</summary>
public sealed record ClientEntry
{
    public string? ClientId { get; init; }

    /// <summary>Absent or null for a public client; a confidential client's secret otherwise (stored hashed).</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The secret as stored (OpenIddict's hash), as <c>export --include-secrets</c> writes it;
    /// instead of <see cref="ClientSecret"/>, never with it.</summary>
    public string? ClientSecretHash { get; init; }

    /// <summary><c>public</c> or <c>confidential</c>; absent: confidential exactly when a secret is given.
    /// A confidential client given without a secret keeps the one it has.</summary>
    public string? ClientType { get; init; }

    public string? DisplayName { get; init; }

    public List<string?> RedirectUris { get; init; } = [];

    public List<string?> PostLogoutRedirectUris { get; init; } = [];

    public List<string?> GrantTypes { get; init; } = [];

    public List<string?> Scopes { get; init; } = [];

    /// <summary><c>implicit</c>, <c>explicit</c> (the default), <c>external</c> or <c>systematic</c>.</summary>
    public string? Consent { get; init; }

    /// <summary>Whether the client gets users only after two-step verification. Default false.</summary>
    public bool? RequireMfa { get; init; }

    /// <summary><c>Off</c>, <c>NewDevice</c> or <c>Always</c>: raises the service's new-device check for this
    /// client (never lowers it). Absent: the service's setting.</summary>
    public string? NewDevicePolicy { get; init; }

    /// <summary>Redacted: the secret never reaches a log or the console.</summary>
    public override string ToString() => $"ClientEntry {{ ClientId = {ClientId} }}";
}

/// <summary>An account. Only the fields given are set on an existing account.</summary>
public sealed record UserEntry
{
    public string? Email { get; init; }

    public string? Password { get; init; }

    /// <summary>The password as stored (Identity's hash), as <c>export --include-secrets</c> writes it;
    /// instead of <see cref="Password"/>, never with it.</summary>
    public string? PasswordHash { get; init; }

    public bool? EmailConfirmed { get; init; }

    public string? DisplayName { get; init; }

    public string? PhoneNumber { get; init; }

    public bool? PhoneNumberConfirmed { get; init; }

    /// <summary>Null leaves the account's roles alone; a list makes them exactly these.</summary>
    public List<string?>? Roles { get; init; }

    public bool? TwoFactorEnabled { get; init; }

    /// <summary><c>sms</c>, <c>email</c> or <c>authenticator</c>; validated but not stored (no such field yet).</summary>
    public string? TwoFactorMethod { get; init; }

    /// <summary>An RFC 4648 base32 TOTP secret (RFC 6238) to carry an authenticator app over.</summary>
    public string? AuthenticatorKey { get; init; }

    /// <summary>Redacted: the password and authenticator key never reach a log or the console.</summary>
    public override string ToString() => $"UserEntry {{ Email = {Features.Email.EmailAddressMask.Mask(Email)} }}";
}
