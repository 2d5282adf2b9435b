using System.Globalization;
using Identity.Server.Data;
using Identity.Server.Features.Email;
using Identity.Server.Features.SecondFactors;
using Identity.Server.Features.SecondFactors.Phone;
using Identity.Server.Features.SecondFactors.Sms;
using Identity.Server.Features.Shared;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.NewDevice;

/// <summary>
/// Tells the owner of each sign-in from a new device: which device, when and from which address, with a
/// "This wasn't me" link. By email always; by text too when the owner chose it and has a confirmed phone.
/// </summary>
public sealed class NewDeviceNotices(
    NotMeLinks links,
    IEmailSender email,
    ISmsSender sms,
    IStringLocalizer<NewDeviceText> text,
    IOptions<BrandingOptions> branding,
    ILogger<NewDeviceNotices> logger)
{
    private string Product => branding.Value.ProductName;

    public async Task SendAsync(ApplicationUser user, KnownDevice device, CancellationToken cancellationToken)
    {
        var link = await links.IssueAsync(user.Id, cancellationToken);
        var emailed = user is { Email: not null, EmailConfirmed: true }
            ? await email.SendAsync(Email(user, device, link), cancellationToken)
            : EmailSendResult.Failed;
        var texted = user is { NotifyNewDeviceBySms: true, PhoneNumber: { } phone, PhoneNumberConfirmed: true }
            ? (await sms.SendAsync(Text(user, new MobileNumber(phone), device, link), cancellationToken)).ToString()
            : "not chosen";
        NewDeviceLog.NoticeSent(logger, user.Id, emailed.ToString(), texted);
    }

    private EmailMessage Email(ApplicationUser user, KnownDevice device, string link)
    {
        using var _ = CultureScope.Use(user.PreferredCulture);
        var content = new EmailContent(
            text["New sign-in to your {0} account", Product],
            text["Hello,"],
            [
                text["Your {0} account was just signed in to from a device it had not been used on before.", Product],
                text["Device: {0}", Describe(device)],
                text["When: {0} (UTC)", device.LastSeen.UtcDateTime.ToString("f", CultureInfo.CurrentCulture)],
                text["IP address: {0}", device.LastIp ?? text["unknown"]],
            ],
            [new EmailAction(text["This wasn't me"], link)],
            [
                text["If this was you, you can ignore this email."],
                text["If it was not you, use the link: it signs your account out everywhere and helps you choose a new password. It works once."],
            ],
            text["If a link does not work, copy it into your browser:"],
            text["This email was sent by {0}.", Product]);
        return EmailLayout.Render(user.Email!, content, CultureInfo.CurrentUICulture);
    }

    private SmsMessage Text(ApplicationUser user, MobileNumber to, KnownDevice device, string link)
    {
        using var _ = CultureScope.Use(user.PreferredCulture);
        return new SmsMessage(to, text["New sign-in to your {0} account from {1}. Not you? {2}", Product, Describe(device), link]);
    }

    private string Describe(KnownDevice device) =>
        text["{0} on {1}", device.Browser ?? text["Unknown browser"], device.Platform ?? text["unknown system"]];
}
