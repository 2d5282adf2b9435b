using System.Net.Sockets;
using Identity.Server.Features.Email;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Identity.UnitTests.Email;

/// <summary>Which SMTP failures are retried (RFC 5321 §4.2.1: 4yz is transient, 5yz permanent) and what reaches the log.</summary>
public sealed class SmtpFailuresTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        { new SocketException((int)SocketError.ConnectionRefused), true },
        { new IOException("connection reset"), true },
        { new TimeoutException(), true },
        { new SmtpProtocolException("unexpected disconnect"), true },
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.MailboxBusy, "try later"), true },
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ServiceNotAvailable, "closing"), true },
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "no such user"), false },
        { new AuthenticationException("bad credentials"), false },
        { new SslHandshakeException("certificate"), false },
        { new NotSupportedException("no STARTTLS"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsTransient_MatchesReplyClass_WhenDeliveryFails(Exception failure, bool transient)
    {
        Assert.True(SmtpFailures.IsDeliveryFailure(failure));
        Assert.Equal(transient, SmtpFailures.IsTransient(failure));
    }

    [Fact]
    public void IsDeliveryFailure_IsFalse_WhenExceptionIsAProgrammingError()
    {
        Assert.False(SmtpFailures.IsDeliveryFailure(new ArgumentNullException("host")));
        Assert.False(SmtpFailures.IsDeliveryFailure(new NullReferenceException()));
    }

    [Fact]
    public void Describe_LeavesOutServerText_WhenReplyNamesTheRecipient()
    {
        var failure = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable,
            "5.1.1 <bob@example.com>: Recipient address rejected");

        var description = SmtpFailures.Describe(failure);

        Assert.Equal("SmtpCommandException 550 RecipientNotAccepted", description);
    }
}
