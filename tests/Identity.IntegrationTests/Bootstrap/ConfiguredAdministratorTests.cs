using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Bootstrap;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Bootstrap;

/// <summary>The first administrator from Bootstrap:AdminEmail and Bootstrap:AdminPassword, when the server starts.</summary>
public sealed class ConfiguredAdministratorTests
{
    private const string Email = "boss@example.com";
    private const string Password = "the configured admin passphrase";

    [Fact]
    public async Task Start_CreatesConfiguredAdministrator_WhenNoneExists()
    {
        var links = new CapturingSetupLinkPublisher();
        using var server = Configured(new IdentityServerFactory(), links);
        await server.CreateClientAsync();
        using var browser = server.CreateBrowser();

        Assert.Equal(["admin"], await server.RolesAsync(browser, Email, Password));
        Assert.Empty(links.Links);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/setup/admin?token=anything")).Status);
    }

    [Fact]
    public async Task Start_PromotesAccountAndReplacesItsPassword_WhenSomeoneRegisteredTheAddressFirst()
    {
        string dataDirectory;
        using (var before = new IdentityServerFactory().KeepData())
        {
            dataDirectory = before.DataDirectory;
            await before.CreateClientAsync();
            await before.CreateUserAsync(Email, "someone else's password", emailConfirmed: false);
        }

        using var server = Configured(new IdentityServerFactory(dataDirectory), new CapturingSetupLinkPublisher());
        using var browser = server.CreateBrowser();

        Assert.Equal(["admin"], await server.RolesAsync(browser, Email, Password));
        using var intruder = server.CreateBrowser();
        var signIn = await intruder.SubmitAsync(await intruder.GetAsync("/account/login"),
            new Dictionary<string, string> { ["Input.Email"] = Email, ["Input.Password"] = "someone else's password" });
        Assert.Contains("incorrect", signIn.Text);
    }

    [Fact]
    public async Task Start_PublishesNoLink_WhenAnAdministratorExists()
    {
        string dataDirectory;
        using (var first = Configured(new IdentityServerFactory().KeepData(), new CapturingSetupLinkPublisher()))
        {
            dataDirectory = first.DataDirectory;
            await first.CreateClientAsync();
        }

        var links = new CapturingSetupLinkPublisher();
        using var restarted = new IdentityServerFactory(dataDirectory);
        restarted.ConfigureTestServices = services => services.AddSingleton<ISetupLinkPublisher>(links);
        using var browser = restarted.CreateBrowser();

        Assert.Equal(["admin"], await restarted.RolesAsync(browser, Email, Password));
        Assert.Empty(links.Links);
    }

    [Fact]
    public void Start_Fails_WhenOnlyTheEmailIsConfigured()
    {
        using var server = new IdentityServerFactory().With("Bootstrap:AdminEmail", Email);

        var failure = Assert.ThrowsAny<Exception>(() => server.CreateClient());

        Assert.Contains("Set both Bootstrap:AdminEmail and Bootstrap:AdminPassword, or neither.", Messages(failure));
    }

    [Fact]
    public void Start_Fails_WhenTheConfiguredPasswordBreaksTheRules()
    {
        using var server = new IdentityServerFactory().With("Bootstrap:AdminEmail", Email).With("Bootstrap:AdminPassword", "short");

        var failure = Assert.ThrowsAny<Exception>(() => server.CreateClient());

        Assert.Contains("Use at least 10 characters for your password.", Messages(failure));
        Assert.DoesNotContain("short\"", Messages(failure));
    }

    private static IdentityServerFactory Configured(IdentityServerFactory server, CapturingSetupLinkPublisher links)
    {
        server.With("Bootstrap:AdminEmail", Email).With("Bootstrap:AdminPassword", Password);
        server.ConfigureTestServices = services => services.AddSingleton<ISetupLinkPublisher>(links);
        return server;
    }

    private static string Messages(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join("\n", aggregate.InnerExceptions.Select(Messages))
            : exception.Message + (exception.InnerException is { } inner ? "\n" + Messages(inner) : string.Empty);
}
