using Identity.IntegrationTests.Admin;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Audit;

/// <summary>The first administrator's creation from configuration is the first entry of the audit log.</summary>
public sealed class BootstrapAuditTests
{
    [Fact]
    public async Task Start_RecordsAdministratorCreatedFromConfiguration_WhenBootstrapIsConfigured()
    {
        await using var server = new IdentityServerFactory()
            .With("Bootstrap:AdminEmail", "root@example.com")
            .With("Bootstrap:AdminPassword", "a long administrator passphrase");
        server.ConfigureTestServices = services => services.AddTestSignIn();
        using var admin = server.CreateBrowser();
        await admin.SignInWithSecondFactorAsync("root@example.com");

        var entry = (await admin.AuditAsync("root@example.com", "administrator_created")).Single();

        Assert.Equal("success", entry.Outcome);
        Assert.Contains("\"source\":\"configuration\"", entry.Details);
        Assert.DoesNotContain("passphrase", entry.Details);
    }
}
