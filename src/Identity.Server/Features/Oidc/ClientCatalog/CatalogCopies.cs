using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.Server.Features.Oidc.ClientCatalog;

/// <summary>
/// Copies of client and scope rows: the cache keeps one that no request holds, and each request gets one of
/// its own (see <see cref="TrackedCopies{TEntity}"/>), because a request may change what it was given.
/// </summary>
public static class CatalogCopies
{
    public static OpenIddictEntityFrameworkCoreApplication Copy(OpenIddictEntityFrameworkCoreApplication application) => new()
    {
        Id = application.Id,
        ApplicationType = application.ApplicationType,
        ClientId = application.ClientId,
        ClientSecret = application.ClientSecret,
        ClientType = application.ClientType,
        ConcurrencyToken = application.ConcurrencyToken,
        ConsentType = application.ConsentType,
        DisplayName = application.DisplayName,
        DisplayNames = application.DisplayNames,
        JsonWebKeySet = application.JsonWebKeySet,
        Permissions = application.Permissions,
        PostLogoutRedirectUris = application.PostLogoutRedirectUris,
        Properties = application.Properties,
        RedirectUris = application.RedirectUris,
        Requirements = application.Requirements,
        Settings = application.Settings,
    };

    public static OpenIddictEntityFrameworkCoreScope Copy(OpenIddictEntityFrameworkCoreScope scope) => new()
    {
        Id = scope.Id,
        ConcurrencyToken = scope.ConcurrencyToken,
        Description = scope.Description,
        Descriptions = scope.Descriptions,
        DisplayName = scope.DisplayName,
        DisplayNames = scope.DisplayNames,
        Name = scope.Name,
        Properties = scope.Properties,
        Resources = scope.Resources,
    };
}
