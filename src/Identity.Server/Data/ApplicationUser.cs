using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Data;

/// <summary>An account that signs in to the identity service.</summary>
public sealed class ApplicationUser : IdentityUser
{
    private string? _displayName;

    /// <summary>The name shown to the user and released in the <c>name</c> claim.</summary>
    public string? DisplayName
    {
        get => _displayName;
        set
        {
            _displayName = value;
            NormalizedDisplayName = value?.ToUpperInvariant();
        }
    }

    /// <summary>The display name in upper case, kept with it, so administrators can search names by
    /// prefix through an index whatever the case they type.</summary>
    public string? NormalizedDisplayName { get; private set; }

    /// <summary>The culture (for example <c>nl</c>) the user's messages are written in.</summary>
    public string? PreferredCulture { get; set; }

    /// <summary>The second factor asked for first at sign-in: <c>sms</c>, <c>email</c> or
    /// <c>authenticator</c>; null lets the service pick among those set up.</summary>
    [MaxLength(32)]
    public string? TwoFactorMethod { get; set; }

    /// <summary>Whether a sign-in from a new device is also reported by text message to the confirmed phone (email always).</summary>
    public bool NotifyNewDeviceBySms { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when an administrator gave the account an initial password: the next sign-in
    /// with it leads to choosing a new one, and gives no session before that.</summary>
    public bool MustChangePassword { get; set; }
}
