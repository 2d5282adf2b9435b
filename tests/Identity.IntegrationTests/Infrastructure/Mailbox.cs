using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>Reading the email a server wrote to its outbox, and the links in it, as a person would.</summary>
public static partial class Mailbox
{
    /// <summary>The messages in the outbox addressed to one recipient, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> MailTo(this IdentityServerFactory server, string address) =>
        server.OutboxMessages().Select(Parse).Where(message => message.IsTo(address)).ToList();

    public static MimeMessage Parse(string eml) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(eml)));

    public static bool IsTo(this MimeMessage message, string address) =>
        message.To.Mailboxes.Any(mailbox => string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The link to <paramref name="path"/> in the plain text body, as a path and query for the browser.</summary>
    public static string Link(this MimeMessage message, string path)
    {
        var links = LinkPattern().Matches(message.TextBody ?? string.Empty).Select(match => new Uri(match.Value)).ToList();
        var link = links.FirstOrDefault(uri => uri.AbsolutePath == path)
            ?? throw new InvalidOperationException($"No link to {path} in '{message.Subject}':\n{message.TextBody}");
        Assert.Equal(IdentityServerFactory.Issuer.Authority, link.Authority);
        return link.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
