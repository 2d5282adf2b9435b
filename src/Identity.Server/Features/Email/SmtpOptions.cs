using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.Email;

/// <summary>The SMTP server account email is sent through (section <c>Email:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>Host name of the SMTP server, for example <c>smtp.example.com</c>. Default empty: no
    /// server, email goes to the outbox folder.</summary>
    public string? Host { get; set; }

    /// <summary>Port. Default 587 (message submission, RFC 6409); 1 to 65535. Port 465 goes with
    /// <see cref="SmtpSecurity.SslOnConnect"/>.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>User name for SMTP authentication. Default empty: send without authenticating.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for SMTP authentication; required with <see cref="UserName"/>. Default empty.
    /// Keep it in an environment variable or user-secrets, not in appsettings.</summary>
    public string? Password { get; set; }

    /// <summary>How the connection is encrypted. Default <see cref="SmtpSecurity.Auto"/>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Sender address of every email; required when <see cref="Host"/> is set. Default empty.</summary>
    public string? From { get; set; }

    /// <summary>Sender display name. Default empty: the product name (Branding:ProductName). At most 100 characters.</summary>
    [StringLength(100)]
    public string? FromName { get; set; }

    /// <summary>Extra attempts after a transient failure (connection refused or dropped, a 4xx reply),
    /// with a short pause before each. Default 2; 0 to 5.</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 2;

    /// <summary>Timeout of each connect, read and write. The user waits for the send, so keep it short.
    /// Default 15 seconds; 1 second to 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>How the SMTP connection is encrypted.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS from the start on port 465; on other ports STARTTLS when the server offers it, and
    /// plain text when it does not. Choose <see cref="StartTls"/> to require encryption.</summary>
    Auto,

    /// <summary>STARTTLS is required (RFC 3207); the send fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (RFC 8314 implicit TLS), usually port 465.</summary>
    SslOnConnect,

    /// <summary>No encryption. Only for a relay on the same host or in tests.</summary>
    None,
}
