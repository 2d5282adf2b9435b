using System.Globalization;
using Identity.Server.Features.Shared;

namespace Identity.Server.Features.SecondFactors;

/// <summary>Writes a message in the recipient's language (their account's culture), then restores the page's.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(string? culture)
    {
        var supported = PagesExtensions.SupportedCultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase))
            ?? CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = supported;
        CultureInfo.CurrentUICulture = supported;
    }

    public static CultureScope Use(string? culture) => new(culture);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
