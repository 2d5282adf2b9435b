using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Data;

/// <summary>An account that signs in to the identity service.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name shown to the user and released in the <c>name</c> claim.</summary>
    public string? DisplayName { get; set; }

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
}
