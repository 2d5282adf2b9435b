using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Import;

/// <summary>The import command against the running server's database: what it creates works, a
/// second run changes nothing, changes are applied, and a bad file changes nothing at all.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly IdentityServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Import_CreatesPublicClientThatCompletesCodeFlowForImportedUser_WhenFileIsValid()
    {
        var run = await _server.ImportAsync(ImportFiles.Sample());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Imported: 1 scope, 2 clients, 1 user created; 0 updated; 0 unchanged", run.Output);
        Assert.Contains("clients[0] (clientId \"web\"): created", run.Output);
        Assert.Contains("role \"admin\": created", run.Output);
        Assert.Equal(string.Empty, run.Errors);

        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser, "web", redirectUri: ImportFiles.WebRedirectUri);
        var code = await flow.GetCodeAsync("alice@example.com", "openid profile phone roles offline_access api");
        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), code);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
        var userInfo = await UserInfo.GetAsync(_server.CreateApiClient(), tokens.AccessToken);
        Assert.Equal("Alice", userInfo.GetProperty("name").GetString());
        Assert.Equal("+31612345678", userInfo.GetProperty("phone_number").GetString());
        Assert.True(userInfo.GetProperty("phone_number_verified").GetBoolean());
        Assert.Equal(["admin"], UserInfo.Roles(userInfo));
    }

    [Fact]
    public async Task Import_CreatesConfidentialClientThatGetsClientCredentialsToken_WhenFileIsValid()
    {
        Assert.Equal(0, (await _server.ImportAsync(ImportFiles.Sample())).ExitCode);
        var api = _server.CreateApiClient();

        var tokens = await TokenResponse.PostAsync(api, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "api",
        }.WithClient("service", ImportFiles.ServiceSecret));
        var wrongSecret = await TokenResponse.PostAsync(api, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "api",
        }.WithClient("service", "not-the-service-secret"));

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
        Assert.Equal("invalid_client", wrongSecret.Error);
    }

    [Fact]
    public async Task Import_ReportsEverythingUnchangedAndWritesNothing_WhenSameFileRunsTwice()
    {
        Assert.Equal(0, (await _server.ImportAsync(ImportFiles.Sample())).ExitCode);
        var before = await DatabaseSnapshot.TakeAsync(_server);

        var second = await _server.ImportAsync(ImportFiles.Sample());

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Imported: 0 scopes, 0 clients, 0 users created; 0 updated; 4 unchanged", second.Output);
        Assert.Contains("Nothing changed", second.Output);
        Assert.Contains("users[0] (email \"a•••@example.com\"): unchanged", second.Output);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_server));
    }

    [Fact]
    public async Task Import_UpdatesDisplayNamesAndRedirectUris_WhenFileChanges()
    {
        const string newRedirectUri = "http://127.0.0.1:7002/callback";
        Assert.Equal(0, (await _server.ImportAsync(ImportFiles.Sample())).ExitCode);

        var update = await _server.ImportAsync(ImportFiles.Sample(webDisplayName: "Renamed app", webRedirectUri: newRedirectUri, userDisplayName: "Alice A."));

        Assert.Equal(0, update.ExitCode);
        Assert.Contains("clients[0] (clientId \"web\"): updated (displayName, redirectUris)", update.Output);
        Assert.Contains("users[0] (email \"a•••@example.com\"): updated (displayName)", update.Output);
        Assert.Contains("Imported: 0 scopes, 0 clients, 0 users created; 2 updated; 2 unchanged", update.Output);

        using var browser = _server.CreateBrowser();
        var oldUri = await new OidcFlow(browser, "web", redirectUri: ImportFiles.WebRedirectUri).StartAsync();
        Assert.Equal(HttpStatusCode.BadRequest, oldUri.Status);
        Assert.Null(oldUri.RedirectedTo);

        var flow = new OidcFlow(browser, "web", redirectUri: newRedirectUri);
        var login = await flow.StartAsync();
        Assert.Contains("Renamed app", login.Text);
        var tokens = await flow.RedeemAsync(_server.CreateApiClient(), OidcFlow.CallbackParameters(await flow.SignInAsync(login, "alice@example.com"), newRedirectUri)["code"]);
        var userInfo = await UserInfo.GetAsync(_server.CreateApiClient(), tokens.AccessToken);
        Assert.Equal("Alice A.", userInfo.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Import_ChangesPasswordAndEndsOldGrants_WhenPasswordDiffers()
    {
        Assert.Equal(0, (await _server.ImportAsync(ImportFiles.Sample())).ExitCode);
        using var browser = _server.CreateBrowser();
        var flow = new OidcFlow(browser, "web", redirectUri: ImportFiles.WebRedirectUri);
        var before = await flow.RedeemAsync(_server.CreateApiClient(), await flow.GetCodeAsync("alice@example.com"));

        var update = await _server.ImportAsync(ImportFiles.Sample(password: "a new passphrase for alice"));

        Assert.Contains("users[0] (email \"a•••@example.com\"): updated (password)", update.Output);
        Assert.DoesNotContain("a new passphrase", update.Output + update.Errors);
        var refresh = await flow.RefreshAsync(_server.CreateApiClient(), before.RefreshToken);
        Assert.Equal("invalid_grant", refresh.Error);

        using var other = _server.CreateBrowser();
        var otherFlow = new OidcFlow(other, "web", redirectUri: ImportFiles.WebRedirectUri);
        var withOldPassword = await otherFlow.SignInAsync(await otherFlow.StartAsync(), "alice@example.com");
        Assert.Contains("incorrect", withOldPassword.Text);
        var withNewPassword = await otherFlow.SignInAsync(withOldPassword, "alice@example.com", "a new passphrase for alice");
        Assert.NotNull(OidcFlow.CallbackParameters(withNewPassword, ImportFiles.WebRedirectUri)["code"]);
    }

    [Fact]
    public async Task Import_ExitsWithEntryNamedAndWritesNothing_WhenOneEntryIsInvalid()
    {
        Assert.Equal(0, (await _server.ImportAsync(ImportFiles.Sample())).ExitCode);
        var before = await DatabaseSnapshot.TakeAsync(_server);
        var file = """
            {
              "scopes": [ { "name": "orders" } ],
              "clients": [
                { "clientId": "good", "redirectUris": ["https://good.example/cb"], "grantTypes": ["authorization_code"], "scopes": ["openid", "orders"] },
                { "clientId": "bad", "redirectUris": ["ftp://x"], "grantTypes": ["authorization_code"] },
              ],
              "users": [ { "email": "bob@example.com", "password": "correct horse battery staple" } ]
            }
            """;

        var run = await _server.ImportAsync(file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("clients[1] (clientId \"bad\"): redirectUris[0] \"ftp://x\" is not an http(s) URL", run.Errors);
        Assert.Contains("Nothing was imported", run.Errors);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_server));
    }

    [Fact]
    public async Task Import_RollsBackEveryChange_WhenDatabaseRefusesALaterEntry()
    {
        // An account whose user name is an address it no longer uses: a new account with that address passes
        // validation, but Identity refuses the duplicate user name only when it is written.
        await _server.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var result = await users.CreateAsync(new ApplicationUser { UserName = "dave@example.com", Email = "dave@new.example" });
            Assert.True(result.Succeeded);
        });
        var before = await DatabaseSnapshot.TakeAsync(_server);

        var run = await _server.ImportAsync("""
            {
              "clients": [ { "clientId": "web", "redirectUris": ["https://app.example/cb"], "grantTypes": ["authorization_code"] } ],
              "users": [ { "email": "erin@example.com", "roles": ["auditor"] }, { "email": "dave@example.com" } ]
            }
            """);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("users[1] (email \"d•••@example.com\"): DuplicateUserName", run.Errors);
        Assert.DoesNotContain("dave@example.com", run.Errors);
        Assert.Contains("every change was rolled back", run.Errors);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_server));
    }

    [Fact]
    public async Task Import_ReportsIdentityPasswordRules_WhenPasswordIsTooShort()
    {
        var before = await DatabaseSnapshot.TakeAsync(_server);

        var run = await _server.ImportAsync("""{ "users": [ { "email": "bob@example.com", "password": "short" } ] }""");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("users[0] (email \"b•••@example.com\"): password: Use at least 10 characters for your password.", run.Errors);
        Assert.DoesNotContain("short\"", run.Errors);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(_server));
    }

    [Fact]
    public async Task Import_ExitsWithFileNameAndPosition_WhenJsonIsMalformed()
    {
        var run = await _server.ImportAsync("{\n  \"clients\": [\n    { \"clientId\": \"web\" \"displayName\": \"x\" }\n  ]\n}");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"import-[0-9a-f]+\.json: line 3, position \d+", run.Errors);
    }

    [Fact]
    public async Task Import_ExitsWithFileName_WhenFileIsMissing()
    {
        var path = Path.Combine(_server.DataDirectory, "no-such-file.json");

        var run = await _server.ImportFileAsync(path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(path + ": the file does not exist", run.Errors);
    }

    [Fact]
    public async Task Import_RejectsUnknownField_WhenNameIsMisspelt()
    {
        var run = await _server.ImportAsync("""{ "clients": [ { "clientId": "web", "redirectUri": "https://a.example/cb" } ] }""");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unknown field \"redirectUri\"", run.Errors);
    }
}
