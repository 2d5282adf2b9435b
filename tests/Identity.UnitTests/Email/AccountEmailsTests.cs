using System.Globalization;
using Identity.Server.Data;
using Identity.Server.Features.Email;
using Identity.Server.Features.Oidc;
using Identity.Server.Features.Shared;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Identity.UnitTests.Email;

/// <summary>The account email: localized for the recipient, HTML-encoded, and with links in both bodies.</summary>
public sealed class AccountEmailsTests
{
    private const string Link = "https://id.example/account/confirm-email?userId=1&code=abc";

    [Fact]
    public void ConfirmEmail_IsDutch_WhenRecipientPrefersDutch()
    {
        var user = User(preferredCulture: "nl-NL");

        var message = WithUiCulture("en", () => Emails().ConfirmEmail(user, Link));

        Assert.Equal("Bevestig je e-mailadres voor Identity", message.Subject);
        Assert.Contains("Hallo,", message.TextBody);
        Assert.Contains("<html lang=\"nl\">", message.HtmlBody);
    }

    [Theory]
    [InlineData(null, "nl", "Bevestig je e-mailadres voor Identity")]
    [InlineData("fr", "nl", "Bevestig je e-mailadres voor Identity")]
    [InlineData(null, "en", "Confirm your email address for Identity")]
    [InlineData(null, "de", "Confirm your email address for Identity")]
    public void ConfirmEmail_FollowsPage_WhenRecipientHasNoSupportedPreference(string? preferred, string page, string subject)
    {
        var message = WithUiCulture(page, () => Emails().ConfirmEmail(User(preferred), Link));

        Assert.Equal(subject, message.Subject);
    }

    [Fact]
    public void ConfirmEmail_EncodesEveryValue_WhenProductNameAndLinkContainMarkup()
    {
        var emails = Emails(productName: "A&B <Shop>");

        var message = emails.ConfirmEmail(User(), Link + "&x=\"<script>");

        Assert.Contains("A&B <Shop>", message.TextBody);
        Assert.Contains(Link + "&x=\"<script>", message.TextBody);
        Assert.DoesNotContain("<Shop>", message.HtmlBody);
        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.Contains("A&amp;B &lt;Shop&gt;", message.HtmlBody);
        Assert.Contains("href=\"https://id.example/account/confirm-email?userId=1&amp;code=abc&amp;x=&quot;&lt;script&gt;\"", message.HtmlBody);
    }

    [Fact]
    public void AlreadyRegistered_OffersSignInAndReset_WhenAccountIsConfirmed()
    {
        var message = Emails().AlreadyRegistered(User(emailConfirmed: true));

        Assert.Contains("https://id.example/account/login", message.TextBody);
        Assert.Contains("https://id.example/account/forgot-password", message.TextBody);
        Assert.DoesNotContain("resend-confirmation", message.TextBody);
    }

    [Fact]
    public void AlreadyRegistered_OffersNewConfirmation_WhenAccountIsUnconfirmed()
    {
        var message = Emails().AlreadyRegistered(User(emailConfirmed: false));

        Assert.Contains("https://id.example/account/resend-confirmation", message.TextBody);
        Assert.DoesNotContain("forgot-password", message.TextBody);
    }

    [Fact]
    public void AlreadyRegistered_LeavesOutDisplayName_WhenAVisitorCouldHaveChosenIt()
    {
        var user = User();
        user.DisplayName = "Visit evil.example to claim a prize";

        var message = Emails().AlreadyRegistered(user);

        Assert.DoesNotContain("evil.example", message.TextBody + message.HtmlBody);
    }

    [Fact]
    public void ResetPassword_ContainsLinkInBothBodies_WhenComposed()
    {
        var message = Emails().ResetPassword(User(), "https://id.example/account/reset-password?userId=1&code=xyz");

        Assert.Equal("reader@example.com", message.To);
        Assert.Contains("https://id.example/account/reset-password?userId=1&code=xyz", message.TextBody);
        Assert.Contains("https://id.example/account/reset-password?userId=1&amp;code=xyz", message.HtmlBody);
    }

    private static AccountEmails Emails(string productName = "Identity")
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        return new AccountEmails(
            new StringLocalizer<EmailText>(factory),
            Options.Create(new BrandingOptions { ProductName = productName }),
            new EmailLinks(Options.Create(new OidcServerOptions { Issuer = new Uri("https://id.example/") })));
    }

    private static ApplicationUser User(string? preferredCulture = null, bool emailConfirmed = true) =>
        new() { Id = "1", Email = "reader@example.com", UserName = "reader@example.com", PreferredCulture = preferredCulture, EmailConfirmed = emailConfirmed };

    private static T WithUiCulture<T>(string culture, Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var result = action();
            Assert.Equal(culture, CultureInfo.CurrentUICulture.Name);
            return result;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
