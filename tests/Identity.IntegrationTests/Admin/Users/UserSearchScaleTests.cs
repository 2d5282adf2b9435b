using System.Diagnostics;
using System.Globalization;
using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Bootstrap;
using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Identity.IntegrationTests.Admin.Users;

/// <summary>
/// The user list with 100,000 accounts: every search and filter answers with the right rows. The time
/// each takes is printed for the record, not asserted: it depends on the machine.
/// </summary>
public sealed class UserSearchScaleTests(UserSearchScaleTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<UserSearchScaleTests.Fixture>
{
    public const int UserCount = 100_000;

    [Theory]
    [InlineData("user054321@", 1, "user054321@example.com")]
    [InlineData("USER05432", 10, "user054320@example.com")]
    [InlineData("daan bakker 5432", 1, "user054320@example.com")]
    [InlineData("+31600054321", 1, "user054321@example.com")]
    public async Task Search_FindsTheRightAccounts_WhenThereAreOneHundredThousand(string term, int expected, string firstEmail)
    {
        var page = await TimedGetAsync("/admin/users?q=" + Uri.EscapeDataString(term), $"search \"{term}\"");

        Assert.Contains($"{expected} users found", page.Text);
        Assert.Contains(firstEmail, page.Rows()[0]);
    }

    [Fact]
    public async Task Filter_FindsTheLockedAccounts_WhenThereAreOneHundredThousand()
    {
        var page = await TimedGetAsync("/admin/users?locked=true", "locked-out filter");

        Assert.Contains($"{UserCount / 1000} users found", page.Text);
        Assert.All(page.Rows(), row => Assert.Contains("Locked out", row));
    }

    [Fact]
    public async Task Filter_FindsTwoStepAccountsWithUnconfirmedEmail_WhenThereAreOneHundredThousand()
    {
        // Every 10th account has two-step on and every 50th an unconfirmed address: both every 50th.
        var page = await TimedGetAsync("/admin/users?twostep=On&emailunconfirmed=true&sort=Name", "two-step and unconfirmed filters, by name");

        Assert.Contains($"{UserCount / 50} users found", page.Text);
    }

    [Fact]
    public async Task Page_ShowsTheRightRows_WhenDeepInOneHundredThousand()
    {
        var page = await TimedGetAsync("/admin/users?p=1000", "page 1000 of the whole list");

        // 50 a page: page 1000 starts with the 49,951st address in order (the administrator sorts first).
        Assert.Contains("Page 1000 of 2001", page.Text);
        Assert.Contains("user049949@example.com", page.Rows()[0]);
    }

    private async Task<BrowserClient.Page> TimedGetAsync(string url, string what)
    {
        await fixture.Admin.GetAsync(url);
        var watch = Stopwatch.StartNew();
        var page = await fixture.Admin.GetAsync(url);
        watch.Stop();
        output.WriteLine($"{what}: {watch.ElapsedMilliseconds} ms with {UserCount:N0} users (seeded in {fixture.SeedTime.TotalSeconds:0.0} s)");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }

    /// <summary>A server with 100,000 accounts written straight into its database in one transaction.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private static readonly string[] FirstNames = ["Anna", "Bram", "Daan", "Emma", "Fenna", "Jesse", "Lotte", "Milan", "Noor", "Sem"];
        private static readonly string[] LastNames = ["Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Vries", "Jansen", "Bos", "Vos"];

        public IdentityServerFactory Server { get; } = new();

        public BrowserClient Admin { get; private set; } = null!;

        public TimeSpan SeedTime { get; private set; }

        public async Task InitializeAsync()
        {
            Server.ConfigureTestServices = services => services.AddTestSignIn();
            var administrator = await Server.CreateUserAsync("admin@example.com", roles: AdministratorRole.Name);
            var watch = Stopwatch.StartNew();
            await SeedAsync();
            SeedTime = watch.Elapsed;
            Admin = Server.CreateBrowser();
            await Admin.SignInWithSecondFactorAsync(administrator.Email!);
        }

        public async Task DisposeAsync()
        {
            Admin.Dispose();
            await Server.DisposeAsync();
        }

        private Task SeedAsync() =>
            Server.WithScopeAsync(services => SeedAsync(services.GetRequiredService<ApplicationDbContext>()));

        /// <summary>Through the server's own connection, so the same SQL seeds either engine.</summary>
        private static async Task SeedAsync(ApplicationDbContext db)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var insert = db.Database.GetDbConnection().CreateCommand();
            insert.Transaction = transaction.GetDbTransaction();
            insert.CommandText = """
                INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                    "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd",
                    "LockoutEnabled", "AccessFailedCount", "DisplayName", "NormalizedDisplayName", "CreatedAt", "MustChangePassword", "NotifyNewDeviceBySms")
                VALUES (@id, @email, @normalized, @email, @normalized, @confirmed, @stamp, @stamp, @phone, TRUE, @twoStep, @lockoutEnd,
                    TRUE, 0, @name, @normalizedName, @createdAt, FALSE, FALSE)
                """;
            var parameters = new[] { "id", "email", "normalized", "confirmed", "stamp", "phone", "twoStep", "lockoutEnd", "name", "normalizedName", "createdAt" }
                .ToDictionary(name => name, name =>
                {
                    var parameter = insert.CreateParameter();
                    parameter.ParameterName = "@" + name;
                    insert.Parameters.Add(parameter);
                    return parameter;
                });

            // Both providers bind a UTC DateTimeOffset the way EF Core stores it (ISO 8601 text on SQLite).
            var lockedUntil = DateTimeOffset.UtcNow.AddDays(30);
            parameters["createdAt"].Value = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < UserCount; i++)
            {
                var email = string.Create(CultureInfo.InvariantCulture, $"user{i:000000}@example.com");
                var name = string.Create(CultureInfo.InvariantCulture, $"{FirstNames[i / 10 % 10]} {LastNames[i % 10]} {i}");
                parameters["id"].Value = Guid.NewGuid().ToString();
                parameters["email"].Value = email;
                parameters["normalized"].Value = email.ToUpperInvariant();
                parameters["confirmed"].Value = i % 50 != 0;
                parameters["stamp"].Value = Guid.NewGuid().ToString("N");
                parameters["phone"].Value = string.Create(CultureInfo.InvariantCulture, $"+316{i:00000000}");
                parameters["twoStep"].Value = i % 10 == 0;
                parameters["lockoutEnd"].Value = i % 1000 == 7 ? lockedUntil : DBNull.Value;
                parameters["name"].Value = name;
                parameters["normalizedName"].Value = name.ToUpperInvariant();
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }
}
