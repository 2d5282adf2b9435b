using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Bootstrap;

/// <summary>
/// The first administrator's account, for deployments that create it from configuration. Both
/// values come from the environment (<c>Bootstrap__AdminEmail</c>, <c>Bootstrap__AdminPassword</c>)
/// or user-secrets, never from a committed file, and neither has a default. They are read only at
/// start and only while no account holds the <c>admin</c> role. Leave both unset to get a one-time
/// setup link on the console instead.
/// </summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    /// <summary>Email address of the first administrator; created, or promoted if the account
    /// exists. No default; a valid address of at most 256 characters, set together with
    /// <see cref="AdminPassword"/>.</summary>
    public string? AdminEmail { get; set; }

    /// <summary>That account's password; it must meet the account password rules
    /// (<c>Accounts:MinimumPasswordLength</c>). No default; set together with <see cref="AdminEmail"/>.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Whether an administrator is configured (both values set).</summary>
    public bool HasAdministrator => !string.IsNullOrEmpty(AdminEmail) && !string.IsNullOrEmpty(AdminPassword);

    /// <summary>Redacted: the password never reaches a log.</summary>
    public override string ToString() => $"BootstrapOptions {{ AdminEmail set = {!string.IsNullOrEmpty(AdminEmail)}, AdminPassword set = {!string.IsNullOrEmpty(AdminPassword)} }}";
}

/// <summary>Refuses half a configuration at start: an email without a password (or the reverse)
/// would otherwise fall back to the setup link and hide the mistake.</summary>
public sealed class ValidateBootstrapOptions : IValidateOptions<BootstrapOptions>
{
    public ValidateOptionsResult Validate(string? name, BootstrapOptions options)
    {
        var hasEmail = !string.IsNullOrEmpty(options.AdminEmail);
        if (hasEmail != !string.IsNullOrEmpty(options.AdminPassword))
        {
            return ValidateOptionsResult.Fail("Set both Bootstrap:AdminEmail and Bootstrap:AdminPassword, or neither.");
        }

        if (hasEmail && !IsEmailAddress(options.AdminEmail!))
        {
            return ValidateOptionsResult.Fail("Bootstrap:AdminEmail is not a valid email address of at most 256 characters.");
        }

        return ValidateOptionsResult.Success;
    }

    public static bool IsEmailAddress(string value) =>
        value.Length <= 256 && MailAddress.TryCreate(value, out var address)
        && address.Address == value && string.IsNullOrEmpty(address.DisplayName);
}
