using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Bootstrap;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Bootstrap;

/// <summary>
/// The first-administrator link when two server instances share the database: one link for both,
/// usable on either, dead on both once used.
/// </summary>
public sealed class SetupLinkAcrossServersTests : IDisposable
{
    private const string Password = "a long administrator passphrase";
    private readonly CapturingSetupLinkPublisher _firstLinks = new();
    private readonly CapturingSetupLinkPublisher _secondLinks = new();
    private readonly SharedDatabaseServers _servers;

    public SetupLinkAcrossServersTests()
    {
        var publishers = new Queue<CapturingSetupLinkPublisher>([_firstLinks, _secondLinks]);
        _servers = new SharedDatabaseServers(server =>
        {
            var publisher = publishers.Dequeue();
            server.ConfigureTestServices = services => services.AddSingleton<ISetupLinkPublisher>(publisher);
        });
    }

    [Fact]
    public async Task SecondServer_PrintsNoNewLink_WhenTheFirstOnesLinkIsOpen()
    {
        Assert.Single(_firstLinks.Links);
        Assert.Empty(_secondLinks.Links);
        Assert.Single(_secondLinks.StillOpen);

        using var browser = _servers.Second.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(_firstLinks.LastLink)).Status);
    }

    [Fact]
    public async Task Setup_Answers404OnTheOtherServer_WhenTheLinkWasUsedOnOne()
    {
        using var first = _servers.First.CreateBrowser();
        using var second = _servers.Second.CreateBrowser();
        var form = await first.GetAsync(_firstLinks.LastLink);
        var otherForm = await second.GetAsync(_firstLinks.LastLink);

        var created = await first.PostFormAsync(form, Fields("root@example.com"));
        var replay = await second.PostFormAsync(otherForm, Fields("mallory@example.com"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync(_firstLinks.LastLink)).Status);
    }

    [Fact]
    public async Task Setup_CreatesOneAdministrator_WhenBothServersGetTheLinkAtOnce()
    {
        using var first = _servers.First.CreateBrowser();
        using var second = _servers.Second.CreateBrowser();
        var form = await first.GetAsync(_firstLinks.LastLink);
        var otherForm = await second.GetAsync(_firstLinks.LastLink);

        var answers = await Task.WhenAll(
            first.PostFormAsync(form, Fields("root@example.com")),
            second.PostFormAsync(otherForm, Fields("mallory@example.com")));

        Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.NotFound);
    }

    public void Dispose() => _servers.Dispose();

    private static Dictionary<string, string> Fields(string email) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "Root",
        ["Input.Password"] = Password,
        ["Input.ConfirmPassword"] = Password,
    };
}
