using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.SecondFactors;

/// <summary>
/// The hourly cap on texts to one number (SMS pumping) holds when sign-ins that each text it arrive
/// at the same moment on two server instances sharing the database: counting and recording a send
/// happen as one step, so no two requests both see one send below the cap.
/// </summary>
public sealed class SendCapRaceTests : IDisposable
{
    private const int Cap = 3;
    private const int SignIns = 8;
    private readonly FakeTwilio _twilio = new();
    private readonly SharedDatabaseServers _servers;

    public SendCapRaceTests() =>
        _servers = new SharedDatabaseServers(server => _twilio.Configure(server)
            .With("SecondFactors:SendsPerDestinationPerHour", Cap.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Texts_StopAtTheCap_WhenSignInsToOneNumberRaceOnTwoServers()
    {
        var emails = Enumerable.Range(0, SignIns).Select(n => $"racer{n}@example.com").ToList();
        foreach (var email in emails)
        {
            await _servers.First.CreateUserAsync(email);
            await _servers.First.EnableTwoStepAsync(email);
        }

        var browsers = emails.Select((_, n) => (n % 2 == 0 ? _servers.First : _servers.Second).CreateBrowser()).ToList();
        var pages = await Task.WhenAll(browsers.Select(async (browser, n) =>
        {
            var login = await browser.GetAsync("/account/login");
            return await browser.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = emails[n], ["Input.Password"] = TestData.Password });
        }));

        Assert.Equal(Cap, _twilio.Requests.Count);
        Assert.Equal(SignIns - Cap, pages.Count(page => page.Text.Contains("Too many codes were sent", StringComparison.Ordinal)));
        browsers.ForEach(browser => browser.Dispose());
    }

    public void Dispose()
    {
        _servers.Dispose();
        _twilio.Dispose();
    }
}
