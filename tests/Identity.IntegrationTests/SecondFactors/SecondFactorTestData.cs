using System.Text.Json;
using System.Text.RegularExpressions;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Identity.Server.Features.SecondFactors.Authenticator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Identity.IntegrationTests.SecondFactors;

/// <summary>Accounts with second factors, made through the server's own managers, and sign-in helpers.</summary>
public static partial class SecondFactorTestData
{
    public const string Phone = "+31612345678";
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>Turns two-step verification on for an existing account, with the factors asked for; returns recovery codes.</summary>
    public static Task<IReadOnlyList<string>> EnableTwoStepAsync(
        this IdentityServerFactory server, string email, string? phone = Phone, bool authenticator = false, string? method = null) =>
        server.WithScopeAsync<IReadOnlyList<string>>(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.PhoneNumber = phone;
            user.PhoneNumberConfirmed = phone is not null;
            user.TwoFactorEnabled = true;
            user.TwoFactorMethod = method;
            await users.UpdateAsync(user);
            if (authenticator)
            {
                var store = (IUserAuthenticatorKeyStore<ApplicationUser>)services.GetRequiredService<IUserStore<ApplicationUser>>();
                await store.SetAuthenticatorKeyAsync(user, AuthenticatorKey, default);
                await users.UpdateAsync(user);
            }

            return [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
        });

    public static async Task<ApplicationUser> FindUserAsync(this IdentityServerFactory server, string email) =>
        await server.WithScopeAsync(async services => (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!);

    /// <summary>The authenticator code for a moment (the key above, RFC 6238).</summary>
    public static string AuthenticatorCode(DateTimeOffset at, string key = AuthenticatorKey) =>
        Totp.Compute(Base32.Decode(key)!, Totp.TimeStep(at));

    /// <summary>Submits the sign-in page with the password; returns where that led.</summary>
    public static async Task<BrowserClient.Page> SignInWithPasswordAsync(this BrowserClient browser, string email, string? returnUrl = null, bool rememberMe = false)
    {
        var login = await browser.GetAsync("/account/login" + (returnUrl is null ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestData.Password };
        if (rememberMe)
        {
            fields["Input.RememberMe"] = "true";
        }

        return await browser.SubmitAsync(login, fields);
    }

    /// <summary>Enters a code on the second-step page.</summary>
    public static Task<BrowserClient.Page> EnterCodeAsync(this BrowserClient browser, BrowserClient.Page page, string code, bool rememberBrowser = false)
    {
        var fields = new Dictionary<string, string> { ["Code"] = code };
        if (rememberBrowser)
        {
            fields["RememberBrowser"] = "true";
        }

        return browser.SubmitAsync(page, fields, formSelector: "form.verify");
    }

    /// <summary>Whether the browser has a session: a page that needs one answers instead of sending to sign in.</summary>
    public static async Task<bool> IsSignedInAsync(this BrowserClient browser)
    {
        var response = await browser.Http.GetAsync("/account/security/recovery-codes");
        return response.StatusCode == System.Net.HttpStatusCode.OK;
    }

    /// <summary>The newest email in the outbox to an address, and the six-digit code in it.</summary>
    public static string LastEmailCode(this IdentityServerFactory server, string email) =>
        SixDigits().Match(server.OutboxMessages().Last(message => message.Contains("To: " + email, StringComparison.Ordinal)).Split("\n\n", 2)[1]).Groups[1].Value;

    /// <summary>The texts written to the SMS outbox, oldest first.</summary>
    public static IReadOnlyList<string> SmsOutbox(this IdentityServerFactory server)
    {
        var folder = Path.Combine(server.DataDirectory, "sms-outbox");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList() : [];
    }

    public static string CodeIn(string text) => SixDigits().Match(text).Groups[1].Value;

    /// <summary>The payload of a JWT, unverified (the tests check claims; OpenIddict signed it).</summary>
    public static JsonElement Payload(string jwt) => JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1])).RootElement;

    public static string[] Amr(string idToken) => [.. Payload(idToken).GetProperty("amr").EnumerateArray().Select(value => value.GetString()!)];

    [GeneratedRegex(@"\b(\d{6})\b")]
    private static partial Regex SixDigits();
}
