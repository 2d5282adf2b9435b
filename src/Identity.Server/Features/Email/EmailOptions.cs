using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Email;

/// <summary>How account email leaves the service: through an SMTP server, or into the outbox folder.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>
    /// The SMTP server. While <see cref="SmtpOptions.Host"/> is empty (the default), email is not sent
    /// but written as <c>.eml</c> files to the <c>outbox</c> folder under Database:DataDirectory.
    /// </summary>
    [ValidateObjectMembers]
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// Allow the outbox in the Production environment. Default <c>false</c>: in Production the service
    /// refuses to start without Email:Smtp:Host, because nobody would receive confirmation and
    /// password reset links.
    /// </summary>
    public bool AllowOutboxInProduction { get; set; }
}
