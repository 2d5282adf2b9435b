using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Identity.Server.Features.NewDevice;
using Identity.Server.Features.Operations.Pruning;
using Identity.Server.Features.SecondFactors.Codes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.IntegrationTests.Operations;

/// <summary>Rows made through OpenIddict's managers and the database, as the server would have left them days ago.</summary>
public static class PruningData
{
    public static Task<string> CreateTokenAsync(
        this IdentityServerFactory server, string userId, string status, DateTimeOffset created, DateTimeOffset expires, string? authorizationId = null) =>
        server.WithScopeAsync(async services =>
        {
            var tokens = services.GetRequiredService<IOpenIddictTokenManager>();
            var token = await tokens.CreateAsync(new OpenIddictTokenDescriptor
            {
                ApplicationId = await ApplicationIdAsync(services),
                AuthorizationId = authorizationId,
                CreationDate = created,
                ExpirationDate = expires,
                Status = status,
                Subject = userId,
                Type = TokenTypeHints.RefreshToken,
            });
            return (await tokens.GetIdAsync(token))!;
        });

    public static Task<string> CreateAuthorizationAsync(this IdentityServerFactory server, string userId, string status, string type, DateTimeOffset created) =>
        server.WithScopeAsync(async services =>
        {
            var authorizations = services.GetRequiredService<IOpenIddictAuthorizationManager>();
            var authorization = await authorizations.CreateAsync(new OpenIddictAuthorizationDescriptor
            {
                ApplicationId = await ApplicationIdAsync(services),
                CreationDate = created,
                Status = status,
                Subject = userId,
                Type = type,
                Scopes = { Scopes.OpenId },
            });
            return (await authorizations.GetIdAsync(authorization))!;
        });

    /// <summary>Moves the creation date of every token and authorization of an account back in time.</summary>
    public static Task BackdateGrantsAsync(this IdentityServerFactory server, string userId, DateTimeOffset created) =>
        server.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            var date = created.UtcDateTime;
            await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(token => token.Subject == userId)
                .ExecuteUpdateAsync(set => set.SetProperty(token => token.CreationDate, date));
            await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(authorization => authorization.Subject == userId)
                .ExecuteUpdateAsync(set => set.SetProperty(authorization => authorization.CreationDate, date));
        });

    public static Task<bool> TokenExistsAsync(this IdentityServerFactory server, string id) =>
        server.WithScopeAsync(async services => await services.GetRequiredService<IOpenIddictTokenManager>().FindByIdAsync(id) is not null);

    public static Task<bool> AuthorizationExistsAsync(this IdentityServerFactory server, string id) =>
        server.WithScopeAsync(async services => await services.GetRequiredService<IOpenIddictAuthorizationManager>().FindByIdAsync(id) is not null);

    public static Task<int> TokenCountAsync(this IdentityServerFactory server, string userId) =>
        server.WithScopeAsync(services => services.GetRequiredService<ApplicationDbContext>().Set<OpenIddictEntityFrameworkCoreToken>()
            .CountAsync(token => token.Subject == userId));

    public static Task<Guid> CreateSecurityCodeAsync(this IdentityServerFactory server, string userId, DateTimeOffset created) =>
        server.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            var code = new SecurityCode
            {
                Id = Guid.NewGuid(),
                UserId = userId,
                Purpose = CodePurposes.SignIn,
                Channel = "sms",
                Destination = "+31612345678",
                Salt = new byte[16],
                CodeHash = new byte[32],
                CreatedAt = created.ToUnixTimeMilliseconds(),
                ExpiresAt = (created + TimeSpan.FromMinutes(10)).ToUnixTimeMilliseconds(),
            };
            db.Add(code);
            await db.SaveChangesAsync();
            return code.Id;
        });

    public static Task<Guid> CreateSignInNoticeAsync(this IdentityServerFactory server, string userId, DateTimeOffset expires) =>
        server.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ApplicationDbContext>();
            var notice = new SignInNotice { UserId = userId, TokenHash = new byte[32], CreatedAt = expires - TimeSpan.FromDays(7), ExpiresAt = expires };
            db.Add(notice);
            await db.SaveChangesAsync();
            return notice.Id;
        });

    public static Task<bool> SecurityCodeExistsAsync(this IdentityServerFactory server, Guid id) =>
        server.WithScopeAsync(services => services.GetRequiredService<ApplicationDbContext>().SecurityCodes.AnyAsync(code => code.Id == id));

    public static Task<bool> SignInNoticeExistsAsync(this IdentityServerFactory server, Guid id) =>
        server.WithScopeAsync(services => services.GetRequiredService<ApplicationDbContext>().SignInNotices.AnyAsync(notice => notice.Id == id));

    /// <summary>One pruning pass, as the background service runs it.</summary>
    public static Task<PruningResult> PruneAsync(this IdentityServerFactory server) =>
        server.WithScopeAsync(services => services.GetRequiredService<StalePruning>().PruneAsync(CancellationToken.None));

    private static async Task<string> ApplicationIdAsync(IServiceProvider services)
    {
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        return (await applications.GetIdAsync((await applications.FindByClientIdAsync("web"))!))!;
    }
}
