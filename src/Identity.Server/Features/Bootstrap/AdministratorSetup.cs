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
    public async Task<SetupLinkState> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        var state = await accounts.AnyAsync() ? SetupLinkState.NotFound : await tokens.CheckAsync(token, cancellationToken);
        if (state != SetupLinkState.Open)
        {
            BootstrapLog.SetupRefused(logger, state);
        }

        return state;
    }

    public async Task<AdministratorAccountResult> CreateAsync(
        string? token, string email, string? displayName, string password, CancellationToken cancellationToken)
    {
        // Use first, in one conditional update: two posts of the same link, on one node or two, cannot both get through.
        var state = await CheckAsync(token, cancellationToken);
        var usedAt = state == SetupLinkState.Open ? await tokens.TryUseAsync(token, cancellationToken) : null;
        if (usedAt is null)
        {
            return new AdministratorAccountResult.LinkClosed(state == SetupLinkState.Open ? SetupLinkState.NotFound : state);
        }

        AdministratorAccountResult result;
        try
        {
            result = await accounts.CreateOrPromoteAsync(email, password, displayName, cancellationToken);
        }
        catch
        {
            // All or nothing: an administrator that was not created must not cost the link.
            await tokens.ReopenAsync(usedAt.Value, CancellationToken.None);
            throw;
        }

        switch (result)
        {
            case AdministratorAccountResult.Created created:
                BootstrapLog.AdministratorCreated(logger, created.User.Id, "setup link");
                await audit.RecordAsync(AdministratorAudit.Created(created.User.Id, "setup_link", promoted: false), cancellationToken);
                break;
            case AdministratorAccountResult.Promoted promoted:
                BootstrapLog.AdministratorPromoted(logger, promoted.User.Id, "setup link");
                await audit.RecordAsync(AdministratorAudit.Created(promoted.User.Id, "setup_link", promoted: true), cancellationToken);
                break;
            default:
                // Nothing was created (the password rules refused it): the person may correct and post again.
                await tokens.ReopenAsync(usedAt.Value, cancellationToken);
                break;
        }

        return result;
    }
}
