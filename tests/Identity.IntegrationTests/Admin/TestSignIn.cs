using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Data;
using Identity.Server.Features.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.IntegrationTests.Admin;

/// <summary>
/// A route the test server alone has: it issues a session through the server's own
/// <see cref="AccountSignIn"/> with the methods the test names, as the second-factor step does after
/// a correct code. Tests of the admin area use it to get an administrator session with <c>mfa</c>.
/// </summary>
public sealed class TestSignIn : IStartupFilter
{
    public const string Path = "/test/sign-in";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, branch => branch.Run(async context =>
        {
            var users = context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(context.Request.Query["email"].ToString())
                ?? throw new InvalidOperationException("No such test user.");
            var methods = context.Request.Query["amr"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            await context.RequestServices.GetRequiredService<AccountSignIn>().SignInAsync(user, methods, persistent: false);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }));
        next(app);
    };
}

public static class TestSignInExtensions
{
    /// <summary>Adds <see cref="TestSignIn"/> to the server's services.</summary>
    public static void AddTestSignIn(this IServiceCollection services) => services.AddSingleton<IStartupFilter, TestSignIn>();

    /// <summary>Signs the browser in as if with a password and a second factor (amr pwd otp mfa).</summary>
    public static Task SignInWithSecondFactorAsync(this BrowserClient browser, string email) =>
        browser.SignInWithMethodsAsync(email, "pwd otp mfa");

    public static async Task SignInWithMethodsAsync(this BrowserClient browser, string email, string amr)
    {
        var response = await browser.Http.GetAsync($"{TestSignIn.Path}?email={Uri.EscapeDataString(email)}&amr={Uri.EscapeDataString(amr)}");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }
}
