using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Account;

/// <summary>What a person does on the account pages, one step at a time, through the real forms.</summary>
public static class AccountSteps
{
    public const string NewPassword = "a brand new passphrase";

    public static async Task<BrowserClient.Page> RegisterAsync(
        this BrowserClient browser, string email, string password = TestData.Password, string? displayName = null, string? returnUrl = null)
    {
        var form = await browser.GetAsync(returnUrl is null ? "/account/register" : "/account/register?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(System.Net.HttpStatusCode.OK, form.Status);
        return await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = displayName ?? string.Empty,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
    }

    public static async Task<BrowserClient.Page> SignInAsync(this BrowserClient browser, string email, string password = TestData.Password, string? returnUrl = null)
    {
        var form = await browser.GetAsync(returnUrl is null ? "/account/login" : "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return await browser.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    public static async Task<BrowserClient.Page> ForgotPasswordAsync(this BrowserClient browser, string email)
    {
        var form = await browser.GetAsync("/account/forgot-password");
        return await browser.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email });
    }

    public static async Task<BrowserClient.Page> ChooseNewPasswordAsync(this BrowserClient browser, string resetLink, string password = NewPassword, string? repeat = null)
    {
        var form = await browser.GetAsync(resetLink);
        return await browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = repeat ?? password,
        });
    }

    /// <summary>The field error shown under an input, or null.</summary>
    public static string? FieldError(this BrowserClient.Page page, string field) =>
        page.Document.QuerySelector($"span.field-error[data-valmsg-for='{field}']")?.TextContent is { Length: > 0 } text ? text : null;

    /// <summary>A form post with no antiforgery token, as a forged cross-site request would be.</summary>
    public static Task<HttpResponseMessage> PostWithoutAntiforgeryAsync(this BrowserClient browser, string path, IDictionary<string, string> fields) =>
        browser.Http.PostAsync(path, new FormUrlEncodedContent(fields));
}
