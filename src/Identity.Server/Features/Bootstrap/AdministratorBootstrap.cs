using Identity.Server.Features.Audit;
using Identity.Server.Features.Oidc;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Bootstrap;

/// <summary>
/// At start, makes sure someone can administer the service: nothing to do once an administrator
/// exists; otherwise the configured account is created, or a one-time setup link is printed. There
/// is no default administrator and no default password to forget to change.
/// </summary>
public sealed class AdministratorBootstrap(
    AdministratorAccounts accounts,
    SetupTokenStore tokens,
    ISetupLinkPublisher publisher,
    IOptions<BootstrapOptions> options,
    IOptions<OidcServerOptions> oidc,
    IAuditLog audit,
    ILogger<AdministratorBootstrap> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AnyAsync())
        {
            tokens.Revoke();
            BootstrapLog.AdministratorExists(logger);
            return;
        }

        var configured = options.Value;
        if (configured.HasAdministrator)
        {
            await CreateConfiguredAsync(configured.AdminEmail!, configured.AdminPassword!, cancellationToken);
            return;
        }

        var token = tokens.Issue();
        var link = new Uri(oidc.Value.Issuer, "setup/admin?token=" + token.Value);
        await publisher.PublishAsync(link, SetupTokenStore.Lifetime, cancellationToken);
        BootstrapLog.SetupLinkIssued(logger, token.ExpiresAt);
    }

    private async Task CreateConfiguredAsync(string email, string password, CancellationToken cancellationToken)
    {
        switch (await accounts.CreateOrPromoteAsync(email, password, displayName: null, cancellationToken))
        {
            case AdministratorAccountResult.Created created:
                BootstrapLog.AdministratorCreated(logger, created.User.Id, "configuration");
                await audit.RecordAsync(AdministratorAudit.Created(created.User.Id, "configuration", promoted: false), cancellationToken);
                break;
            case AdministratorAccountResult.Promoted promoted:
                BootstrapLog.AdministratorPromoted(logger, promoted.User.Id, "configuration");
                await audit.RecordAsync(AdministratorAudit.Created(promoted.User.Id, "configuration", promoted: true), cancellationToken);
                break;
            case AdministratorAccountResult.Rejected rejected:
                // Refuse to start rather than run with no way to administer it.
                // Identity's other messages quote the user name, which is the email address: give their codes.
                var errors = string.Join(" ", rejected.Errors.Select(error => error.Code.StartsWith("Password", StringComparison.Ordinal) ? error.Description : error.Code));
                BootstrapLog.ConfiguredAdministratorRejected(logger, errors);
                throw new InvalidOperationException($"Bootstrap:AdminEmail/AdminPassword could not be used: {errors}");
        }
    }
}
