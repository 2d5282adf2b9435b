using Identity.IntegrationTests.Admin;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Identity.IntegrationTests.Audit;

/// <summary>Events older than Audit:RetentionPeriod are pruned by the background service, on TimeProvider's clock.</summary>
public sealed class AuditPruningTests
{
    [Fact]
    public async Task Prune_RemovesOnlyEventsOlderThanRetention_WhenClockPassesIt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = new IdentityServerFactory()
            .With("Audit:RetentionPeriod", "2.00:00:00")
            .With("Audit:PruneInterval", "01:00:00");
        server.ConfigureTestServices = services =>
        {
            services.AddTestSignIn();
            services.AddSingleton<TimeProvider>(time);
        };
        var administrator = await server.CreateUserAsync("root@example.com", roles: "admin");
        var old = await server.CreateUserAsync("old@example.com");
        var recent = await server.CreateUserAsync("recent@example.com");
        using var browser = server.CreateBrowser();
        await browser.SignInAsync(old.Email!, "wrong password");

        time.Advance(TimeSpan.FromDays(1.5));
        await browser.SignInAsync(recent.Email!, "wrong password");
        time.Advance(TimeSpan.FromDays(0.75));
        await WaitUntilAsync(async () => await CountAsync(server, old.Id) == 0);

        using var admin = server.CreateBrowser();
        await admin.SignInWithSecondFactorAsync(administrator.Email!);
        Assert.Empty(await admin.AuditAsync(old.Id));
        Assert.Single(await admin.AuditAsync(recent.Id, "sign_in"));
    }

    private static Task<int> CountAsync(IdentityServerFactory server, string userId) =>
        server.WithScopeAsync(services => Task.FromResult(services.GetRequiredService<Identity.Server.Data.ApplicationDbContext>()
            .AuditEvents.Count(e => e.SubjectUserId == userId)));

    /// <summary>Waits for the background service's run that the clock change started; a bound on waiting, not on speed.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 200 && !await condition(); attempt++)
        {
            await Task.Delay(50);
        }
    }
}
