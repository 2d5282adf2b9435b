using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Identity.Server.Features.Email;

/// <summary>Which exceptions of an SMTP send are delivery failures, and which of those are worth retrying.</summary>
public static class SmtpFailures
{
    /// <summary>Network, protocol and server failures; anything else is a bug and is left to propagate.</summary>
    public static bool IsDeliveryFailure(Exception exception) => exception is SocketException or IOException or TimeoutException
        or CommandException or ProtocolException or AuthenticationException or SslHandshakeException
        or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException;

    /// <summary>
    /// A refused or dropped connection, a timeout, or a 4xx reply ("try again later", RFC 5321 §4.2.1).
    /// Rejected credentials, TLS failures and 5xx replies are permanent: retrying would fail the same way.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        SslHandshakeException or AuthenticationException => false,
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>A description for the log: the kind of failure and the reply code, never the server's text.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException command => $"{nameof(SmtpCommandException)} {(int)command.StatusCode} {command.ErrorCode}",
        SocketException socket => $"{nameof(SocketException)} {socket.SocketErrorCode}",
        _ => exception.GetType().Name,
    };
}
