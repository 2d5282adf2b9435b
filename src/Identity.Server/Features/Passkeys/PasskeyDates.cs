using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Passkeys;

/// <summary>"Added 3 Mar 2026 · last used 5 Mar 2026", in the page's language.</summary>
public static class PasskeyDates
{
    public static string Describe(PasskeyEntry passkey, IStringLocalizer<PasskeysText> text)
    {
        var added = text["Added {0}", Format(passkey.CreatedAt)].Value;
        var used = passkey.LastUsedAt is { } at ? text["last used {0}", Format(at)].Value : text["not used yet"].Value;
        return added + " · " + used;
    }

    private static string Format(DateTimeOffset date) => date.UtcDateTime.ToString("d MMM yyyy", CultureInfo.CurrentUICulture);
}
