using System.Net;
using Identity.IntegrationTests.Infrastructure;
using Identity.Server.Features.Bootstrap;

namespace Identity.IntegrationTests.Admin.Users;

/// <summary>
/// The last active administrator stays, even when the two remaining administrators remove each
/// other at the same moment through two server instances sharing the database.
/// </summary>
public sealed class LastAdministratorAcrossServersTests : IDisposable
{
    private readonly SharedDatabaseServers _servers = new(server => server.ConfigureTestServices = services => services.AddTestSignIn());

    [Fact]
    public async Task Remove_LeavesOneAdministrator_WhenTwoServersDemoteBothAtOnce() =>
        await RaceAsync(id => $"/admin/users/{id}/roles", "form[data-action='remove-role']", _ => []);

    [Fact]
    public async Task Delete_LeavesOneAdministrator_WhenTwoServersDeleteBothAtOnce() =>
        await RaceAsync(id => $"/admin/users/{id}/delete", "form.form", email => new() { ["Confirmation"] = email });

    public void Dispose() => _servers.Dispose();

    private async Task RaceAsync(Func<string, string> path, string formSelector, Func<string, Dictionary<string, string>> fields)
    {
        var first = await _servers.First.CreateUserAsync("first@example.com", roles: AdministratorRole.Name);
        var second = await _servers.First.CreateUserAsync("second@example.com", roles: AdministratorRole.Name);
        using var firstBrowser = _servers.First.CreateBrowser();
        using var secondBrowser = _servers.Second.CreateBrowser();
        await firstBrowser.SignInWithSecondFactorAsync(first.Email!);
        await secondBrowser.SignInWithSecondFactorAsync(second.Email!);
        var firstForm = await firstBrowser.GetAsync(path(second.Id));
        var secondForm = await secondBrowser.GetAsync(path(first.Id));
        Assert.Equal(HttpStatusCode.OK, firstForm.Status);
        Assert.Equal(HttpStatusCode.OK, secondForm.Status);

        await Task.WhenAll(
            firstBrowser.PostFormAsync(firstForm, fields(second.Email!), formSelector: formSelector),
            secondBrowser.PostFormAsync(secondForm, fields(first.Email!), formSelector: formSelector));

        var stillAdministrators = new[]
        {
            (await firstBrowser.GetAsync("/admin/users")).Status,
            (await secondBrowser.GetAsync("/admin/users")).Status,
        };
        Assert.Single(stillAdministrators, status => status == HttpStatusCode.OK);
    }
}
