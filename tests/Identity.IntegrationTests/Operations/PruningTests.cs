using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.IntegrationTests.Operations;

/// <summary>
/// Background pruning: dead tokens and authorizations (OpenIddict's PruneAsync, after Pruning:MinimumAge),
/// old security codes and expired "This wasn't me" links go; everything still in use stays and works.
/// </summary>
public sealed class PruningTests(OidcServerFixture fixture) : IClassFixture<OidcServerFixture>
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UtcNow.AddDays(-20);

    [Fact]
    public async Task Prune_RemovesDeadGrantsOnly_WhenTheyAreOlderThanMinimumAge()
    {
        var server = fixture.Server;
        var user = await fixture.NewUserAsync();
        var flow = new OidcFlow(server.CreateBrowser());
        var tokens = await flow.GetTokensAsync(server.CreateApiClient(), user.Email!);
        var expired = await server.CreateTokenAsync(user.Id, Statuses.Valid, LongAgo, LongAgo.AddHours(1));
        var redeemed = await server.CreateTokenAsync(user.Id, Statuses.Redeemed, LongAgo, DateTimeOffset.UtcNow.AddDays(1));
        var revokedGrant = await server.CreateAuthorizationAsync(user.Id, Statuses.Revoked, AuthorizationTypes.Permanent, LongAgo);
        var emptyAdHocGrant = await server.CreateAuthorizationAsync(user.Id, Statuses.Valid, AuthorizationTypes.AdHoc, LongAgo);
        await server.BackdateGrantsAsync(user.Id, LongAgo);
        var recentlyRedeemed = await server.CreateTokenAsync(user.Id, Statuses.Redeemed, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));

        var result = await server.PruneAsync();

        Assert.False(await server.TokenExistsAsync(expired));
        Assert.False(await server.TokenExistsAsync(redeemed));
        Assert.False(await server.AuthorizationExistsAsync(revokedGrant));
        Assert.False(await server.AuthorizationExistsAsync(emptyAdHocGrant));
        Assert.True(await server.TokenExistsAsync(recentlyRedeemed));
        Assert.True(result.Tokens >= 3, $"{result}");
        var refreshed = await flow.RefreshAsync(server.CreateApiClient(), tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        await new TokenValidator(server.CreateApiClient()).ValidateAccessTokenAsync(refreshed.AccessToken, "api");
    }

    [Fact]
    public async Task Prune_RemovesOldCodesAndExpiredNoticeLinks_WhenPastTheirLifetime()
    {
        var server = fixture.Server;
        var user = await fixture.NewUserAsync();
        var oldCode = await server.CreateSecurityCodeAsync(user.Id, DateTimeOffset.UtcNow.AddDays(-2));
        var recentCode = await server.CreateSecurityCodeAsync(user.Id, DateTimeOffset.UtcNow.AddMinutes(-30));
        var expiredNotice = await server.CreateSignInNoticeAsync(user.Id, LongAgo);
        var justExpiredNotice = await server.CreateSignInNoticeAsync(user.Id, DateTimeOffset.UtcNow.AddDays(-1));
        var liveNotice = await server.CreateSignInNoticeAsync(user.Id, DateTimeOffset.UtcNow.AddDays(6));

        await server.PruneAsync();

        Assert.False(await server.SecurityCodeExistsAsync(oldCode));
        Assert.True(await server.SecurityCodeExistsAsync(recentCode));
        Assert.False(await server.SignInNoticeExistsAsync(expiredNotice));
        Assert.True(await server.SignInNoticeExistsAsync(justExpiredNotice));
        Assert.True(await server.SignInNoticeExistsAsync(liveNotice));
    }

    [Fact]
    public async Task Prune_RemovesExpiredWindowsAndCeremonies_WhenPastTheirExpiry()
    {
        var server = fixture.Server;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var expired = "expired-" + Guid.NewGuid().ToString("N");
        var live = "live-" + Guid.NewGuid().ToString("N");
        await server.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Identity.Server.Data.ApplicationDbContext>();
            db.AddRange(
                new Identity.Server.Data.Coordination.WindowCounter { Key = expired, WindowStart = now - 120_000, Count = 3, ExpiresAt = now - 60_000 },
                new Identity.Server.Data.Coordination.WindowCounter { Key = live, WindowStart = now, Count = 1, ExpiresAt = now + 60_000 },
                new Identity.Server.Features.Passkeys.UsedPasskeyCeremony { Id = expired, ExpiresAt = now - 60_000 },
                new Identity.Server.Features.Passkeys.UsedPasskeyCeremony { Id = live, ExpiresAt = now + 300_000 });
            await db.SaveChangesAsync();
        });

        await server.PruneAsync();

        var left = await server.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Identity.Server.Data.ApplicationDbContext>();
            return (await db.WindowCounters.Select(row => row.Key).ToListAsync()).Concat(await db.UsedPasskeyCeremonies.Select(row => row.Id).ToListAsync()).ToList();
        });
        Assert.DoesNotContain(expired, left);
        Assert.Equal(2, left.Count(key => key == live));
    }

    [Fact]
    public async Task Prune_IsHarmless_WhenTwoNodesPruneAtOnce()
    {
        var server = fixture.Server;
        var user = await fixture.NewUserAsync();
        for (var i = 0; i < 40; i++)
        {
            await server.CreateTokenAsync(user.Id, Statuses.Revoked, LongAgo, LongAgo.AddHours(1));
        }

        var results = await Task.WhenAll(server.PruneAsync(), server.PruneAsync());

        Assert.Equal(0, await server.TokenCountAsync(user.Id));
        Assert.True(results.Sum(result => result.Tokens) >= 40, string.Join(", ", results.Select(result => result.ToString())));
    }

    [Fact]
    public async Task PruningService_PrunesOnSchedule_WhenClockPassesInterval()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = new IdentityServerFactory()
            .With("Pruning:Interval", "01:00:00")
            .With("Pruning:MinimumAge", "1.00:00:00");
        server.ConfigureTestServices = services => services.AddSingleton<TimeProvider>(time);
        await server.CreateClientAsync();
        var user = await server.CreateUserAsync("schedule@example.com");

        // Dead, but younger than the minimum age until the clock moves past the next run.
        var created = time.GetUtcNow().AddDays(-1).AddMinutes(30);
        var token = await server.CreateTokenAsync(user.Id, Statuses.Revoked, created, created.AddMinutes(5));
        Assert.True(await server.TokenExistsAsync(token));

        time.Advance(TimeSpan.FromHours(1));
        for (var attempt = 0; attempt < 200 && await server.TokenExistsAsync(token); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.False(await server.TokenExistsAsync(token));
    }
}
