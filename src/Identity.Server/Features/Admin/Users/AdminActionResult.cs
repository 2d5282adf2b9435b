namespace Identity.Server.Features.Admin.Users;

/// <summary>What an administrator's action on an account came to.</summary>
public enum AdminActionResult
{
    Done,

    /// <summary>Refused: the account is the last active administrator.</summary>
    LastAdministrator,

    /// <summary>The store refused the change (another change got there first); nothing was done.</summary>
    Failed,
}
