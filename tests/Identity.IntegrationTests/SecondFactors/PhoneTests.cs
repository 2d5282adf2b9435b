using System.Net;
using System.Text.RegularExpressions;
using Identity.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Identity.IntegrationTests.SecondFactors;

/// <summary>The mobile phone pages (/account/security/phone, its code step and one-tap link), with texts in the outbox (no Twilio configured).</summary>
public sealed partial class PhoneTests : IAsyncLifetime
{
    private const string Email = "dave@example.com";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CapturedLogs _logs = new();
    private readonly IdentityServerFactory _server = new();
    private BrowserClient _browser = null!;

    public async Task InitializeAsync()
    {
        _server.With("Logging:LogLevel:Default", "Information");
        _server.ConfigureTestServices = services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton<ILoggerProvider>(_logs);
        };
        await _server.CreateUserAsync(Email);
        _browser = _server.CreateBrowser();
        await _browser.SignInWithPasswordAsync(Email);
    }

    public Task DisposeAsync()
    {
        _browser.Dispose();
        _server.Dispose();
        return Task.CompletedTask;
    }

    private async Task<BrowserClient.Page> AddNumberAsync(string number = "06 1234 5678") =>
        await _browser.SubmitAsync(await _browser.GetAsync("/account/security/phone"), new Dictionary<string, string> { ["PhoneNumber"] = number });

    [Fact]
    public async Task AddPhone_TextsCodeAndLinkToOutbox_WithoutLoggingTheCode()
    {
        var page = await AddNumberAsync();

        Assert.Equal("/account/security/phone/verify", page.Url.AbsolutePath);
        var text = Assert.Single(_server.SmsOutbox());
        Assert.StartsWith("To: +31612345678", text, StringComparison.Ordinal);
        var code = SecondFactorTestData.CodeIn(text.Split("\n\n", 2)[1]);
        Assert.Contains("https://localhost/account/security/phone/confirm?id=", text, StringComparison.Ordinal);
        Assert.Contains($"@localhost #{code}", text, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, line => line.Contains("outbox", StringComparison.Ordinal) && line.Contains("+31•••••678", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(code, StringComparison.Ordinal) || line.Contains("612345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyPhone_SavesNumberAndTellsOwner_WhenCodeIsRight()
    {
        var verify = await AddNumberAsync();
        var code = SecondFactorTestData.CodeIn(_server.SmsOutbox()[0].Split("\n\n", 2)[1]);

        var page = await _browser.SubmitAsync(verify, new Dictionary<string, string> { ["Code"] = code });

        Assert.Contains("Your phone number is confirmed", page.Text, StringComparison.Ordinal);
        var user = await _server.FindUserAsync(Email);
        Assert.Equal("+31612345678", user.PhoneNumber);
        Assert.True(user.PhoneNumberConfirmed);
        Assert.Contains(_server.OutboxMessages(), message => message.Contains("To: " + Email, StringComparison.Ordinal)
            && message.Contains("ending in 78", StringComparison.Ordinal));
        Assert.Contains("••• ••• •• 78", (await _browser.GetAsync("/account/security/phone")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyPhone_KeepsOldNumber_WhenCodeIsWrong()
    {
        var verify = await AddNumberAsync();
        var code = SecondFactorTestData.CodeIn(_server.SmsOutbox()[0].Split("\n\n", 2)[1]);

        var page = await _browser.SubmitAsync(verify, new Dictionary<string, string> { ["Code"] = code == "000000" ? "111111" : "000000" });

        Assert.Contains("The code is incorrect", page.Text, StringComparison.Ordinal);
        Assert.Null((await _server.FindUserAsync(Email)).PhoneNumber);
    }

    [Theory]
    [InlineData("hello", "not a valid phone number")]
    [InlineData("06 1234", "not a valid phone number")]
    [InlineData("020 123 4567", "not a mobile number")]
    public async Task AddPhone_ExplainsAndSendsNothing_WhenNumberIsBad(string number, string message)
    {
        var page = await AddNumberAsync(number);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Text, StringComparison.Ordinal);
        Assert.Empty(_server.SmsOutbox());
    }

    [Fact]
    public async Task ConfirmLink_SavesNumberOnce_WhenTappedOnThePhone()
    {
        await AddNumberAsync();
        var link = LinkPattern().Match(_server.SmsOutbox()[0]).Value;
        using var phone = _server.CreateBrowser();

        var confirm = await phone.GetAsync(link);
        Assert.Contains("Use ••• ••• •• 78 for your security codes?", confirm.Text, StringComparison.Ordinal);
        Assert.Null((await _server.FindUserAsync(Email)).PhoneNumber);
        var done = await phone.SubmitAsync(confirm, new Dictionary<string, string>());

        Assert.Contains("is confirmed", done.Text, StringComparison.Ordinal);
        Assert.Equal("+31612345678", (await _server.FindUserAsync(Email)).PhoneNumber);
        var again = await phone.GetAsync(link);
        Assert.Contains("expired or was already used", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmLink_ChangesNothing_WhenTokenIsWrong()
    {
        await AddNumberAsync();
        var link = LinkPattern().Match(_server.SmsOutbox()[0]).Value;
        using var phone = _server.CreateBrowser();

        var page = await phone.GetAsync(link[..^4] + "AAAA");

        Assert.Contains("expired or was already used", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form.form"));
    }

    [Fact]
    public async Task ConfirmLink_Fails_WhenExpired()
    {
        await AddNumberAsync();
        var link = LinkPattern().Match(_server.SmsOutbox()[0]).Value;
        using var phone = _server.CreateBrowser();
        var confirm = await phone.GetAsync(link);
        _time.Advance(TimeSpan.FromMinutes(11));

        var page = await phone.SubmitAsync(confirm, new Dictionary<string, string>());

        Assert.DoesNotContain("is confirmed", page.Text, StringComparison.Ordinal);
        Assert.Null((await _server.FindUserAsync(Email)).PhoneNumber);
    }

    [Fact]
    public async Task RemovePhone_RemovesNumberAndTellsOwner()
    {
        var verify = await AddNumberAsync();
        await _browser.SubmitAsync(verify, new Dictionary<string, string> { ["Code"] = SecondFactorTestData.CodeIn(_server.SmsOutbox()[0].Split("\n\n", 2)[1]) });

        var page = await _browser.SubmitAsync(await _browser.GetAsync("/account/security/phone"), new Dictionary<string, string>(), formSelector: "form.remove");

        Assert.Contains("was removed", page.Text, StringComparison.Ordinal);
        Assert.Null((await _server.FindUserAsync(Email)).PhoneNumber);
        Assert.Contains(_server.OutboxMessages(), message => message.Contains("was removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddPhone_AsksForPasswordFirst_WhenSignInIsNotRecent()
    {
        _time.Advance(TimeSpan.FromMinutes(6));

        var page = await AddNumberAsync();

        Assert.Equal("/account/security/confirm-password", page.Url.AbsolutePath);
        Assert.Empty(_server.SmsOutbox());
        var wrong = await _browser.SubmitAsync(page, new Dictionary<string, string> { ["Password"] = "wrong password" });
        Assert.Contains("The password is incorrect", wrong.Text, StringComparison.Ordinal);
        var back = await _browser.SubmitAsync(wrong, new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal("/account/security/phone", back.Url.AbsolutePath);
        Assert.Equal("/account/security/phone/verify", (await AddNumberAsync()).Url.AbsolutePath);
    }

    [Fact]
    public async Task AddPhone_IsCapped_WhenTooManyCodesWereSentToTheNumber()
    {
        for (var i = 0; i < 5; i++)
        {
            await AddNumberAsync();
            _time.Advance(TimeSpan.FromSeconds(31));
        }

        var page = await AddNumberAsync();

        Assert.Contains("Too many codes were sent", page.Text, StringComparison.Ordinal);
        Assert.Equal(5, _server.SmsOutbox().Count);
    }

    [GeneratedRegex(@"https://localhost/account/security/phone/confirm\?id=[0-9a-f]+&token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
