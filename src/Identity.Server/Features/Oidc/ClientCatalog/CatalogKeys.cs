namespace Identity.Server.Features.Oidc.ClientCatalog;

/// <summary>The <see cref="CatalogCache"/> keys of clients (by client id) and scopes (by name).</summary>
public static class CatalogKeys
{
    public static string Client(string clientId) => "client:" + clientId;

    public static string Scope(string name) => "scope:" + name;
}
