using Identity.IntegrationTests.Admin;
using Identity.IntegrationTests.Infrastructure;
using Identity.IntegrationTests.SecondFactors;

namespace Identity.IntegrationTests.Audit;

/// <summary>A sign-in from a browser the account has not used before is a security event of its own.</summary>
public sealed class NewDeviceAuditTests
{
    [Fact]
    public async Task SignIn_RecordsNewDeviceOnce_WhenChallengeIsPassedOnANewBrowser()
    {
        await using var server = new IdentityServerFactory().With("NewDevice:Policy", "NewDevice");
        server.ConfigureTestServices = services => services.AddTestSignIn();
        var administrator = await server.CreateUserAsync("root@example.com", roles: "admin");
        var user = await server.CreateUserAsync("dana@example.com");
        using var browser = server.CreateBrowser();
        var challenge = await browser.SignInWithPasswordAsync(user.Email!);
        await browser.EnterCodeAsync(challenge, server.LastEmailCode(user.Email!));
        await browser.SubmitAsync(await browser.GetAsync("/account/logout"), new Dictionary<string, string>());
        await browser.SignInWithPasswordAsync(user.Email!);

        using var admin = server.CreateBrowser();
        await admin.SignInWithSecondFactorAsync(administrator.Email!);
        var entry = (await admin.AuditAsync(user.Id, "new_device")).Single();

        Assert.Equal("success", entry.Outcome);
        Assert.Contains("\"device\":", entry.Details);
        Assert.Equal(2, (await admin.AuditAsync(user.Id, "sign_in")).Count(sign => sign.Outcome == "success"));
    }
}
