using System.Text.Encodings.Web;
using Identity.Server.Data;
using Identity.Server.Features.Email;
using Identity.Server.Features.Oidc;
using Identity.Server.Features.SecondFactors.Phone;
using Identity.Server.Features.SecondFactors.Sms;
using Identity.Server.Features.Shared;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.SecondFactors;

/// <summary>
/// The texts and emails of this capability, in the account's language. Texts with a code end with the
/// origin-bound line <c>@host #code</c> (WebOTP), so a phone offers the code only on this site.
/// </summary>
public sealed class SecurityMessages(
    IStringLocalizer<SecondFactorsText> text,
    IOptions<BrandingOptions> branding,
    IOptions<OidcServerOptions> oidc,
    IOptions<SecondFactorOptions> factors)
{
    private string Product => branding.Value.ProductName;

    public Uri Issuer => oidc.Value.Issuer;

    public SmsMessage SignInCodeText(ApplicationUser user, MobileNumber to, string code)
    {
        using var _ = CultureScope.Use(user.PreferredCulture);
        return new SmsMessage(to, text["Your {0} security code is {1}. Never share it; we will never ask for it.", Product, code] + WebOtpLine(code));
    }

    public SmsMessage PhoneVerificationText(ApplicationUser user, MobileNumber to, string code, Uri link)
    {
        using var _ = CultureScope.Use(user.PreferredCulture);
        return new SmsMessage(to, text["Your {0} code to confirm this phone number is {1}. Or tap {2}", Product, code, link] + WebOtpLine(code));
    }

    public EmailMessage SignInCodeEmail(ApplicationUser user, string code)
    {
        using var _ = CultureScope.Use(user.PreferredCulture);
        var subject = text["Your {0} security code", Product];
        var body = text["Your {0} security code is {1}. It is valid for {2} minutes. If you did not try to sign in, change your password.",
            Product, code, (int)factors.Value.CodeLifetime.TotalMinutes];
        return new EmailMessage(user.Email!, subject, body, Html(body));
    }

    public EmailMessage PhoneChangedEmail(ApplicationUser user, string? newNumber)
    {
        using var _ = CultureScope.Use(user.PreferredCulture);
        var subject = text["The phone number of your {0} account changed", Product];
        var body = newNumber is null
            ? text["The phone number for security codes was removed from your {0} account. If this was not you, sign in and secure your account.", Product]
            : text["Security codes for your {0} account now go to the phone number ending in {1}. If this was not you, sign in and secure your account.", Product, newNumber[^2..]];
        return new EmailMessage(user.Email!, subject, body, Html(body));
    }

    public EmailMessage TwoStepChangedEmail(ApplicationUser user, bool enabled)
    {
        using var _ = CultureScope.Use(user.PreferredCulture);
        var subject = text["Two-step verification changed on your {0} account", Product];
        var body = enabled
            ? text["Two-step verification was turned on for your {0} account.", Product]
            : text["Two-step verification was turned off for your {0} account. If this was not you, sign in and secure your account.", Product];
        return new EmailMessage(user.Email!, subject, body, Html(body));
    }

    private string WebOtpLine(string code) => $"\n\n@{Issuer.Host} #{code}";

    private static string Html(string body) => $"<p>{HtmlEncoder.Default.Encode(body)}</p>";
}
