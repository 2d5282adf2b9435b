using System.Net;
using System.Text.Json;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Identity.IntegrationTests.NewDevice;

/// <summary>
/// The policy, as the <c>NewDevice:Policy</c> setting and the client's <c>new_device_policy</c> property:
/// Off, NewDevice and Always; a client raises the setting, never lowers it; an existing session is checked
/// again at the authorization endpoint (OIDC Core §3.1.2.1 <c>prompt=none</c> gets <c>interaction_required</c>).
/// </summary>
public sealed class NewDevicePolicyTests : IDisposable
{
    private const string Email = "hanna@example.com";
    private IdentityServerFactory _server = null!;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task SignIn_IsNotChallenged_WhenPolicyIsOff()
    {
        await StartAsync("Off");
        using var browser = _server.CreateBrowser();

        var page = await browser.SignInWithPasswordAsync(Email);

        Assert.Equal("/account/security", page.Url.AbsolutePath);
        Assert.Empty(_server.MailTo(Email));
    }

    [Fact]
    public async Task SignIn_IsChallengedOnKnownBrowser_WhenPolicyIsAlways()
    {
        await StartAsync("Always");
        using var browser = _server.CreateBrowser(new CookieContainer());
        await browser.SignInWithEmailCodeAsync(_server, Email);
        await browser.SignOutAsync();

        var page = await browser.SignInWithPasswordAsync(Email);

        Assert.Equal("/account/two-step", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task Authorize_ChallengesKnownBrowser_WhenClientPolicyIsAlways()
    {
        await StartAsync("NewDevice", clientPolicy: "Always");
        using var browser = _server.CreateBrowser(new CookieContainer());
        await browser.SignInWithEmailCodeAsync(_server, Email);
        await browser.SignOutAsync();
        var flow = new OidcFlow(browser);

        var page = await flow.SignInAsync(await flow.StartAsync(), Email);

        Assert.Equal("/account/two-step", page.Url.AbsolutePath);
        var callback = await browser.EnterCodeAsync(page, _server.LastEmailCode(Email));
        Assert.Equal(HttpStatusCode.OK, (await flow.RedeemAsync(_server.CreateApiClient(), OidcFlow.CallbackParameters(callback)["code"])).Status);
    }

    [Fact]
    public async Task Authorize_StillChallengesNewBrowser_WhenClientPolicyIsOff()
    {
        await StartAsync("NewDevice", clientPolicy: "Off");
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser);

        var page = await flow.SignInAsync(await flow.StartAsync(), Email);

        Assert.Equal("/account/two-step", page.Url.AbsolutePath);
        Assert.Null(page.RedirectedTo);
    }

    [Fact]
    public async Task Authorize_ChallengesExistingSession_WhenClientPolicyIsStricterThanSetting()
    {
        await StartAsync("Off", clientPolicy: "NewDevice");
        using var browser = _server.CreateBrowser();
        Assert.Equal("/account/security", (await browser.SignInWithPasswordAsync(Email)).Url.AbsolutePath);
        var flow = new OidcFlow(browser);

        var page = await flow.StartAsync();

        Assert.Equal("/account/two-step", page.Url.AbsolutePath);
        var callback = await browser.EnterCodeAsync(page, _server.LastEmailCode(Email));
        Assert.Equal(flow.State, OidcFlow.CallbackParameters(callback)["state"]);
        Assert.Contains(_server.MailTo(Email), message => message.Subject == "New sign-in to your Identity account");
    }

    [Fact]
    public async Task Authorize_ReturnsInteractionRequired_WhenPromptIsNoneAndDeviceIsUnconfirmed()
    {
        await StartAsync("Off", clientPolicy: "NewDevice");
        using var browser = _server.CreateBrowser();
        await browser.SignInWithPasswordAsync(Email);
        var flow = new OidcFlow(browser);

        var page = await flow.StartAsync(extra: new Dictionary<string, string?> { ["prompt"] = "none" });

        Assert.Equal("interaction_required", OidcFlow.CallbackParameters(page)["error"]);
    }

    private async Task StartAsync(string policy, string? clientPolicy = null)
    {
        _server = new IdentityServerFactory().With("NewDevice:Policy", policy).With("SecondFactors:ResendCooldown", "00:00:00");
        await _server.CreateClientAsync();
        await _server.CreateUserAsync(Email);
        if (clientPolicy is not null)
        {
            await _server.WithScopeAsync(async services =>
            {
                var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
                var application = (await applications.FindByClientIdAsync("web"))!;
                var descriptor = new OpenIddictApplicationDescriptor();
                await applications.PopulateAsync(descriptor, application);
                descriptor.Properties["new_device_policy"] = JsonSerializer.SerializeToElement(clientPolicy);
                await applications.UpdateAsync(application, descriptor);
            });
        }
    }
}
