using Identity.Server.Data;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>
/// One server for all tests of a class, with a public client (<c>web</c>) and a confidential one
/// (<see cref="ConfidentialClientId"/>). Tests that share it create their own users, so they never
/// see each other's sessions, grants or lockouts.
/// </summary>
public class OidcServerFixture : IAsyncLifetime
{
    public const string PublicClientId = "web";
    public const string ConfidentialClientId = "backend";
    public const string ConfidentialSecret = "backend-secret-that-is-long-enough";

    public IdentityServerFactory Server { get; } = new();

    public virtual async Task InitializeAsync()
    {
        await Server.CreateClientAsync(PublicClientId);
        await Server.CreateClientAsync(ConfidentialClientId, ConfidentialSecret, clientCredentials: true);
    }

    public virtual async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A fresh account with a unique email address, for one test.</summary>
    public Task<ApplicationUser> NewUserAsync(string name = "user", params string[] roles) =>
        Server.CreateUserAsync($"{name}-{Guid.NewGuid():N}@example.com", roles: roles);
}
