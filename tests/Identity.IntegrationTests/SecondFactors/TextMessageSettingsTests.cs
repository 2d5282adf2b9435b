using Identity.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Identity.IntegrationTests.SecondFactors;

/// <summary>Text message delivery settings as the server applies them: the Messaging Service sender and the outbox rule in Production.</summary>
public sealed class TextMessageSettingsTests
{
    [Fact]
    public async Task SignIn_SendsThroughMessagingService_WhenOneIsConfigured()
    {
        using var twilio = new FakeTwilio();
        using var server = twilio.Configure(new IdentityServerFactory())
            .With("Sms:Twilio:From", null)
            .With("Sms:Twilio:MessagingServiceSid", "MG0123456789abcdef0123456789abcdef");
        await server.CreateUserAsync("gina@example.com");
        await server.EnableTwoStepAsync("gina@example.com");
        using var browser = server.CreateBrowser();

        await browser.SignInWithPasswordAsync("gina@example.com");

        var sent = Assert.Single(twilio.Requests).Form;
        Assert.Equal("MG0123456789abcdef0123456789abcdef", sent["MessagingServiceSid"]);
        Assert.False(sent.ContainsKey("From"));
    }

    [Fact]
    public void Start_Fails_WhenProductionWouldWriteTextsToTheOutbox()
    {
        using var server = new ProductionServer();

        var failure = Assert.ThrowsAny<Exception>(() => server.CreateApiClient());

        Assert.Contains("Sms:AllowOutboxInProduction", failure.ToString(), StringComparison.Ordinal);
    }

    private sealed class ProductionServer : IdentityServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
