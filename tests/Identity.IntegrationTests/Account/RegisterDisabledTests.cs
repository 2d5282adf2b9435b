using System.Net;
using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Account;

/// <summary>/account/register with Accounts:AllowSelfRegistration off: the page does not exist.</summary>
public sealed class RegisterDisabledTests : IDisposable
{
    private readonly IdentityServerFactory _server = new IdentityServerFactory().With("Accounts:AllowSelfRegistration", "false");

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Register_ReturnsNotFound_WhenSelfRegistrationIsDisabled()
    {
        using var browser = _server.CreateBrowser();

        var page = await browser.GetAsync("/account/register");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("This page does not exist.", page.Text);
    }

    [Fact]
    public async Task Register_CreatesNothing_WhenFormIsPostedWhileDisabled()
    {
        using var browser = _server.CreateBrowser();
        var login = await browser.GetAsync("/account/login");
        var token = login.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await browser.Http.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "sneaky@example.com",
            ["Input.Password"] = TestData.Password,
            ["Input.ConfirmPassword"] = TestData.Password,
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_server.OutboxMessages());
        Assert.Contains("The email address or password is incorrect", (await browser.SignInAsync("sneaky@example.com")).Text);
    }

    [Fact]
    public async Task Login_HidesRegisterLink_WhenSelfRegistrationIsDisabled()
    {
        using var browser = _server.CreateBrowser();

        var login = await browser.GetAsync("/account/login");

        Assert.Null(login.Document.QuerySelector("a[href^='/account/register']"));
    }
}
