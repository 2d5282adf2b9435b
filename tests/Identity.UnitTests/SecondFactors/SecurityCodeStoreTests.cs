using Identity.Server.Data.Coordination;
using Identity.Server.Features.SecondFactors;
using Identity.Server.Features.SecondFactors.Codes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Identity.UnitTests.SecondFactors;

/// <summary>Code issue and check rules: lifetime, tries, single use, replacement, cooldown and hourly caps.</summary>
public sealed class SecurityCodeStoreTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SecondFactorOptions _options = new();

    private SecurityCodeStore Store()
    {
        var db = _database.CreateContext();
        return new(db, new DatabaseLocks(db, _time), _time, Options.Create(_options));
    }

    private static CodeRequest Request(string user = "user-1", string destination = "+31612345678", string? ip = "192.0.2.1") =>
        new(user, CodePurposes.SignIn, "sms", destination, ip);

    private async Task<OneTimeCode> IssueAsync(CodeRequest? request = null) =>
        Assert.IsType<CodeIssue.Issued>(await Store().IssueAsync(request ?? Request(), default)).Code;

    [Fact]
    public void Generate_GivesSixDigits_Always()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => OneTimeCode.Generate().Value).ToList();
        Assert.All(codes, code => Assert.Matches("^[0-9]{6}$", code));
        Assert.True(codes.Distinct().Count() > 190);
    }

    [Fact]
    public void ToString_HidesCode_WhenLogged() => Assert.DoesNotContain("123456", new OneTimeCode("123456").ToString(), StringComparison.Ordinal);

    [Fact]
    public async Task Issue_StoresOnlyAHash_WhenCodeIsCreated()
    {
        var code = await IssueAsync();
        await using var db = _database.CreateContext();
        var row = await db.SecurityCodes.SingleAsync();
        Assert.DoesNotContain(code.Value, Convert.ToHexString(row.CodeHash), StringComparison.Ordinal);
        Assert.Equal(32, row.CodeHash.Length);
    }

    [Fact]
    public async Task Check_Succeeds_WhenCodeIsRight()
    {
        var code = await IssueAsync();
        var check = await Store().CheckAsync("user-1", CodePurposes.SignIn, code.Value, default);
        Assert.Equal(CodeCheckStatus.Valid, check.Status);
        Assert.Equal("+31612345678", check.Destination);
    }

    [Fact]
    public async Task Check_Fails_WhenCodeIsUsedTwice()
    {
        var code = await IssueAsync();
        await Store().CheckAsync("user-1", CodePurposes.SignIn, code.Value, default);
        Assert.False((await Store().CheckAsync("user-1", CodePurposes.SignIn, code.Value, default)).Succeeded);
    }

    [Fact]
    public async Task Check_Fails_WhenCodeIsForAnotherPurposeOrAccount()
    {
        var code = await IssueAsync();
        Assert.False((await Store().CheckAsync("user-1", CodePurposes.VerifyPhone, code.Value, default)).Succeeded);
        Assert.False((await Store().CheckAsync("user-2", CodePurposes.SignIn, code.Value, default)).Succeeded);
    }

    [Fact]
    public async Task Check_SaysExpired_WhenTenMinutesPassed()
    {
        var code = await IssueAsync();
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(CodeCheckStatus.Expired, (await Store().CheckAsync("user-1", CodePurposes.SignIn, code.Value, default)).Status);
    }

    [Fact]
    public async Task Check_Succeeds_WhenJustBeforeExpiry()
    {
        var code = await IssueAsync();
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.True((await Store().CheckAsync("user-1", CodePurposes.SignIn, code.Value, default)).Succeeded);
    }

    [Fact]
    public async Task Check_RefusesRightCode_WhenFiveWrongTriesWereMade()
    {
        var code = await IssueAsync();
        var wrong = code.Value == "000000" ? "111111" : "000000";
        var results = new List<CodeCheckStatus>();
        for (var i = 0; i < 5; i++)
        {
            results.Add((await Store().CheckAsync("user-1", CodePurposes.SignIn, wrong, default)).Status);
        }

        Assert.Equal([CodeCheckStatus.Invalid, CodeCheckStatus.Invalid, CodeCheckStatus.Invalid, CodeCheckStatus.Invalid, CodeCheckStatus.TooManyAttempts], results);
        Assert.Equal(CodeCheckStatus.TooManyAttempts, (await Store().CheckAsync("user-1", CodePurposes.SignIn, code.Value, default)).Status);
    }

    [Fact]
    public async Task Check_AcceptsRightCode_WhenFourWrongTriesWereMade()
    {
        var code = await IssueAsync();
        var wrong = code.Value == "000000" ? "111111" : "000000";
        for (var i = 0; i < 4; i++)
        {
            await Store().CheckAsync("user-1", CodePurposes.SignIn, wrong, default);
        }

        Assert.True((await Store().CheckAsync("user-1", CodePurposes.SignIn, code.Value, default)).Succeeded);
    }

    [Fact]
    public async Task Check_OnlyOneWins_WhenSameCodeIsRedeemedInParallel()
    {
        var code = await IssueAsync();
        var checks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Store().CheckAsync("user-1", CodePurposes.SignIn, code.Value, default))));
        Assert.Single(checks, check => check.Succeeded);
    }

    [Fact]
    public async Task Check_RefusesOldCode_WhenANewOneWasIssued()
    {
        var first = await IssueAsync();
        _time.Advance(_options.ResendCooldown);
        var second = await IssueAsync();
        if (first.Value != second.Value)
        {
            Assert.False((await Store().CheckAsync("user-1", CodePurposes.SignIn, first.Value, default)).Succeeded);
        }

        Assert.True((await Store().CheckAsync("user-1", CodePurposes.SignIn, second.Value, default)).Succeeded);
    }

    [Fact]
    public async Task Issue_SaysCoolingDown_WhenAskedAgainTooSoon()
    {
        await IssueAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        var issue = Assert.IsType<CodeIssue.CoolingDown>(await Store().IssueAsync(Request(), default));
        Assert.Equal(TimeSpan.FromSeconds(20), issue.Wait);
    }

    [Fact]
    public async Task Issue_IsCapped_WhenAccountReachedItsHourlySends()
    {
        _options.SendsPerUserPerHour = 3;
        for (var i = 0; i < 3; i++)
        {
            await IssueAsync(Request(destination: $"+3161234567{i}"));
            _time.Advance(_options.ResendCooldown);
        }

        Assert.IsType<CodeIssue.Capped>(await Store().IssueAsync(Request(destination: "+31612345679"), default));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.IsType<CodeIssue.Issued>(await Store().IssueAsync(Request(destination: "+31612345679"), default));
    }

    [Fact]
    public async Task Issue_IsCapped_WhenNumberReachedItsHourlySendsFromManyAccounts()
    {
        _options.SendsPerDestinationPerHour = 2;
        await IssueAsync(Request(user: "a", ip: "192.0.2.1"));
        await IssueAsync(Request(user: "b", ip: "192.0.2.2"));
        Assert.IsType<CodeIssue.Capped>(await Store().IssueAsync(Request(user: "c", ip: "192.0.2.3"), default));
    }

    [Fact]
    public async Task Issue_IsCapped_WhenClientAddressReachedItsHourlySends()
    {
        _options.SendsPerIpPerHour = 2;
        await IssueAsync(Request(user: "a", destination: "+31612345671"));
        await IssueAsync(Request(user: "b", destination: "+31612345672"));
        Assert.IsType<CodeIssue.Capped>(await Store().IssueAsync(Request(user: "c", destination: "+31612345673"), default));
    }

    [Fact]
    public async Task CheckLink_SucceedsOnce_WhenTokenIsRight()
    {
        var issued = Assert.IsType<CodeIssue.Issued>(await Store().IssueAsync(Request() with { Purpose = CodePurposes.VerifyPhone, WithLink = true }, default));
        Assert.False((await Store().CheckLinkAsync(issued.Id, issued.LinkToken + "x", default)).Succeeded);
        var check = await Store().CheckLinkAsync(issued.Id, issued.LinkToken, default);
        Assert.True(check.Succeeded);
        Assert.Equal("user-1", check.UserId);
        Assert.False((await Store().CheckLinkAsync(issued.Id, issued.LinkToken, default)).Succeeded);
    }

    [Fact]
    public async Task CheckLink_Fails_WhenLinkExpired()
    {
        var issued = Assert.IsType<CodeIssue.Issued>(await Store().IssueAsync(Request() with { Purpose = CodePurposes.VerifyPhone, WithLink = true }, default));
        _time.Advance(_options.CodeLifetime);
        Assert.Equal(CodeCheckStatus.Expired, (await Store().CheckLinkAsync(issued.Id, issued.LinkToken, default)).Status);
    }

    public void Dispose() => _database.Dispose();
}
