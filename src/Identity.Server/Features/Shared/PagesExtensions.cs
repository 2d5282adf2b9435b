using System.Globalization;
using Identity.Server.Hosting;
using Microsoft.AspNetCore.Localization;

namespace Identity.Server.Features.Shared;

public static class PagesExtensions
{
    /// <summary>The supported languages of pages, emails and texts; the first is the default.</summary>
    public static readonly CultureInfo[] SupportedCultures = [new("en"), new("nl")];

    /// <summary>Razor Pages under <c>Features/</c>, localized English and Dutch, with antiforgery on every form.</summary>
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BrandingOptions>()
            .BindConfiguration(BrandingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddLocalization();
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedText)));

        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Harden("antiforgery", builder.Environment);
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.RequestCultureProviders.Insert(0, new UiLocalesCultureProvider());
        });
        return builder;
    }
}
