using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.Admin;

/// <summary>The admin area at /admin.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// How long after signing in (<c>auth_time</c>) an administrator may use the admin pages before
    /// signing in again. Shorter than the user session (<c>Accounts:SessionLifetime</c>), because a
    /// forgotten admin session is worth more to an attacker; the same cookie serves both, so this is a
    /// check on its age rather than a second cookie. Default 30 minutes; 1 minute to 12 hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Rows per page in the user list and the audit log. Default 50; 10 to 500.</summary>
    [Range(10, 500)]
    public int PageSize { get; set; } = 50;
}
