using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Bootstrap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Identity.IntegrationTests.Bootstrap;

/// <summary>The one-time setup page for the first administrator (/setup/admin).</summary>
public sealed class SetupAdminPageTests : IAsyncLifetime
{
    private const string Email = "root@example.com";
    private const string Password = "a long administrator passphrase";
    private readonly CapturingSetupLinkPublisher _links = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly IdentityServerFactory _server = new();

    public SetupAdminPageTests() =>
        _server.ConfigureTestServices = services =>
        {
            services.AddSingleton<ISetupLinkPublisher>(_links);
            services.AddSingleton<TimeProvider>(_time);
        };

    public Task InitializeAsync() => _server.CreateClientAsync();

    public Task DisposeAsync()
    {
        _server.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Setup_CreatesSignedInAdministrator_WhenLinkIsValid()
    {
        using var browser = _server.CreateBrowser();
        var link = _links.Links.Single();
        Assert.Equal(IdentityServerFactory.Issuer.Authority, link.Authority);
        Assert.Equal("/setup/admin", link.AbsolutePath);

        var form = await browser.GetAsync(_links.LastLink);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var response = await browser.PostFormAsync(form, Fields(Email, Password, Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);

        // Already signed in: the code flow needs no password, and the account holds the admin role.
        Assert.Equal(["admin"], await _server.RolesAsync(browser, Email, "not needed"));
    }

    [Fact]
    public async Task Setup_Answers404_WhenLinkWasUsed()
    {
        using var browser = _server.CreateBrowser();
        using var other = _server.CreateBrowser();
        var form = await browser.GetAsync(_links.LastLink);
        var otherForm = await other.GetAsync(_links.LastLink);
        await browser.PostFormAsync(form, Fields(Email, Password, Password));

        var replay = await other.PostFormAsync(otherForm, Fields("mallory@example.com", Password, Password));
        var again = await other.GetAsync(_links.LastLink);

        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Equal(["admin"], await _server.RolesAsync(other, Email, Password));
    }

    [Fact]
    public async Task Setup_CreatesOneAdministrator_WhenTwoPostsRaceWithTheSameLink()
    {
        using var first = _server.CreateBrowser();
        using var second = _server.CreateBrowser();
        var firstForm = await first.GetAsync(_links.LastLink);
        var secondForm = await second.GetAsync(_links.LastLink);

        var responses = await Task.WhenAll(
            first.PostFormAsync(firstForm, Fields(Email, Password, Password)),
            second.PostFormAsync(secondForm, Fields("mallory@example.com", Password, Password)));

        Assert.Equal(
            [HttpStatusCode.Redirect, HttpStatusCode.NotFound],
            responses.Select(response => response.StatusCode).Order().ToArray());
        using var check = _server.CreateBrowser();
        var winner = responses[0].StatusCode == HttpStatusCode.Redirect ? Email : "mallory@example.com";
        var loser = winner == Email ? "mallory@example.com" : Email;
        Assert.Equal(["admin"], await _server.RolesAsync(check, winner, Password));
        using var loserBrowser = _server.CreateBrowser();
        var loserSignIn = await loserBrowser.SubmitAsync(await loserBrowser.GetAsync("/account/login"),
            new Dictionary<string, string> { ["Input.Email"] = loser, ["Input.Password"] = Password });
        Assert.Contains("incorrect", loserSignIn.Text);
    }

    [Fact]
    public async Task Setup_IsRateLimited_WhenOneAddressPostsTooOften()
    {
        using var server = new IdentityServerFactory().With("RateLimits:AccountFormsPerMinute", "2");
        var links = new CapturingSetupLinkPublisher();
        server.ConfigureTestServices = services => services.AddSingleton<ISetupLinkPublisher>(links);
        using var browser = server.CreateBrowser();
        var form = await browser.GetAsync(links.LastLink);
        var mismatch = Fields(Email, Password, "something else entirely");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await browser.PostFormAsync(form, mismatch)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("/setup/admin")]
    [InlineData("/setup/admin?token=")]
    [InlineData("/setup/admin?token=wrong-token")]
    public async Task Setup_Answers404_WhenTokenIsMissingOrWrong(string url)
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("input[type=password]"));
    }

    [Fact]
    public async Task Setup_Answers404_WhenPostedTokenIsWrong()
    {
        using var browser = _server.CreateBrowser();
        var form = await browser.GetAsync(_links.LastLink);

        var response = await browser.PostFormAsync(form, new Dictionary<string, string>(Fields(Email, Password, Password)) { ["Token"] = "guess" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(_links.LastLink)).Status);
    }

    [Fact]
    public async Task Setup_RefusesAsExpired_WhenLinkIsOlderThanOneHour()
    {
        using var browser = _server.CreateBrowser();
        var form = await browser.GetAsync(_links.LastLink);

        _time.Advance(TimeSpan.FromMinutes(61));
        var post = await browser.SubmitAsync(form, Fields(Email, Password, Password));
        var get = await browser.GetAsync(_links.LastLink);

        Assert.Equal(HttpStatusCode.Gone, post.Status);
        Assert.Contains("This setup link has expired", post.Text);
        Assert.Equal(HttpStatusCode.Gone, get.Status);
        Assert.Empty(get.Document.QuerySelectorAll("input[type=password]"));
        using var other = _server.CreateBrowser();
        var login = await other.GetAsync("/account/login");
        var signIn = await other.SubmitAsync(login, new Dictionary<string, string> { ["Input.Email"] = Email, ["Input.Password"] = Password });
        Assert.Contains("incorrect", signIn.Text);
    }

    [Fact]
    public async Task Setup_ShowsFormAgainAndKeepsLink_WhenPasswordsDoNotMatch()
    {
        using var browser = _server.CreateBrowser();
        var form = await browser.GetAsync(_links.LastLink);

        var page = await browser.SubmitAsync(form, Fields(Email, Password, Password + "!"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The passwords do not match.", page.Text);
        var retry = await browser.PostFormAsync(page, Fields(Email, Password, Password));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
    }

    [Fact]
    public async Task Setup_ShowsIdentityPasswordRules_WhenPasswordIsTooShort()
    {
        using var browser = _server.CreateBrowser();
        var form = await browser.GetAsync(_links.LastLink);

        var page = await browser.SubmitAsync(form, Fields(Email, "short", "short"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Use at least 10 characters for your password.", page.Text);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(_links.LastLink)).Status);
    }

    [Fact]
    public async Task Setup_ShowsFieldMessages_WhenEmailIsInvalid()
    {
        using var browser = _server.CreateBrowser();
        var form = await browser.GetAsync(_links.LastLink);

        var page = await browser.SubmitAsync(form, Fields("not an email", Password, Password));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Enter a valid email address.", page.Text);
    }

    [Fact]
    public async Task Setup_IsRefused_WhenAntiforgeryTokenIsMissing()
    {
        using var browser = _server.CreateBrowser();
        var form = await browser.GetAsync(_links.LastLink);

        var response = await browser.PostFormAsync(form, new Dictionary<string, string>(Fields(Email, Password, Password)) { ["__RequestVerificationToken"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(_links.LastLink)).Status);
    }

    [Fact]
    public async Task Setup_LabelsEveryField_InDutch_WhenBrowserPrefersDutch()
    {
        using var browser = _server.CreateBrowser();
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");

        var page = await browser.GetAsync(_links.LastLink);

        Assert.Contains("Beheerder instellen", page.Document.QuerySelector("h1")!.TextContent);
        foreach (var input in page.Document.QuerySelectorAll("form input:not([type=hidden])"))
        {
            Assert.NotNull(page.Document.QuerySelector($"label[for='{input.Id}']"));
        }

        Assert.Equal("Beheerder aanmaken", page.Document.QuerySelector("button[type=submit]")!.TextContent.Trim());
    }

    private static Dictionary<string, string> Fields(string email, string password, string confirm) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "Root",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm,
    };
}
