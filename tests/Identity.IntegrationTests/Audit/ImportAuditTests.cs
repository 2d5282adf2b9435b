using Identity.IntegrationTests.Admin;
using Identity.IntegrationTests.Import;

namespace Identity.IntegrationTests.Audit;

/// <summary>The import command's audit trail: one event per entry it created or updated, none for what it left alone.</summary>
public sealed class ImportAuditTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task Import_RecordsOneEventPerCreatedOrUpdatedEntry_WhenFileIsImportedTwiceWithAChange()
    {
        using var admin = await fixture.AdminBrowserAsync();
        var before = (await admin.AuditAsync(type: "import")).Count;

        Assert.Equal(0, (await fixture.Server.ImportAsync(ImportFiles.Sample())).ExitCode);
        var afterFirst = await admin.AuditAsync(type: "import");
        Assert.Equal(0, (await fixture.Server.ImportAsync(ImportFiles.Sample(webDisplayName: "Renamed"))).ExitCode);
        var afterSecond = await admin.AuditAsync(type: "import");

        // Scope api already existed in this server: a scope update at most. Then web (updated: it existed),
        // service, role "admin" existed, and alice: each created or updated once.
        Assert.Contains(afterFirst, entry => entry.ClientId == "service" && entry.Details.Contains("created"));
        Assert.Contains(afterFirst, entry => entry.SubjectEmail == "alice@example.com" && entry.Details.Contains("\"kind\":\"user\""));
        var second = afterSecond.Take(afterSecond.Count - afterFirst.Count).ToList();
        var renamed = Assert.Single(second);
        Assert.Equal("web", renamed.ClientId);
        Assert.Contains("displayName", renamed.Details);
        Assert.True(afterFirst.Count > before);
        Assert.DoesNotContain(afterSecond, entry => entry.Details.Contains("service-secret"));
    }
}
