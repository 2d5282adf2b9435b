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
            await tokens.RevokeAsync(cancellationToken);
            BootstrapLog.AdministratorExists(logger);
            return;
        }

        var configured = options.Value;
        if (configured.HasAdministrator)
        {
            await CreateConfiguredAsync(configured.AdminEmail!, configured.AdminPassword!, cancellationToken);
            return;
        }

        switch (await tokens.IssueAsync(cancellationToken))
        {
            case SetupIssue.Issued issued:
                var link = new Uri(oidc.Value.Issuer, "setup/admin?token=" + issued.Token.Value);
                await publisher.PublishAsync(link, SetupTokenStore.Lifetime, cancellationToken);
                BootstrapLog.SetupLinkIssued(logger, issued.Token.ExpiresAt);
                break;
            case SetupIssue.AlreadyOpen open:
                // Another node (or this one before a restart) printed a link that still works on every
                // node; a new one would kill it. Say so, and when a new one will be issued.
                await publisher.PublishOpenAsync(open.ExpiresAt, cancellationToken);
                BootstrapLog.SetupLinkAlreadyOpen(logger, open.ExpiresAt);
                break;
        }
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
