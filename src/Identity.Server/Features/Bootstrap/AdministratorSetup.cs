using Identity.Server.Features.Audit;

namespace Identity.Server.Features.Bootstrap;

/// <summary>The setup page's decisions: whether its link works, and creating the administrator
/// with it exactly once.</summary>
public sealed class AdministratorSetup(
    SetupTokenStore tokens,
    AdministratorAccounts accounts,
    IAuditLog audit,
    ILogger<AdministratorSetup> logger)
{
    /// <summary>Once any administrator exists the page is gone, whatever the token.</summary>
    public async Task<SetupLinkState> CheckAsync(string? token)
    {
        var state = await accounts.AnyAsync() ? SetupLinkState.NotFound : tokens.Check(token);
        if (state != SetupLinkState.Open)
        {
            BootstrapLog.SetupRefused(logger, state);
        }

        return state;
    }

    public async Task<AdministratorAccountResult> CreateAsync(
        string? token, string email, string? displayName, string password, CancellationToken cancellationToken)
    {
        // Check and use under one lock: two posts of the same link must not both get through.
        await tokens.Gate.WaitAsync(cancellationToken);
        try
        {
            var state = await CheckAsync(token);
            if (state != SetupLinkState.Open)
            {
                return new AdministratorAccountResult.LinkClosed(state);
            }

            var result = await accounts.CreateOrPromoteAsync(email, password, displayName, cancellationToken);
            switch (result)
            {
                case AdministratorAccountResult.Created created:
                    tokens.Revoke();
                    BootstrapLog.AdministratorCreated(logger, created.User.Id, "setup link");
                    await audit.RecordAsync(AdministratorAudit.Created(created.User.Id, "setup_link", promoted: false), cancellationToken);
                    break;
                case AdministratorAccountResult.Promoted promoted:
                    tokens.Revoke();
                    BootstrapLog.AdministratorPromoted(logger, promoted.User.Id, "setup link");
                    await audit.RecordAsync(AdministratorAudit.Created(promoted.User.Id, "setup_link", promoted: true), cancellationToken);
                    break;
            }

            return result;
        }
        finally
        {
            tokens.Gate.Release();
        }
    }
}
