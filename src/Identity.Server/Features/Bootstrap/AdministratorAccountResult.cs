using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Bootstrap;

/// <summary>What creating the first administrator came to.</summary>
public abstract record AdministratorAccountResult
{
    /// <summary>A new account was created with the admin role.</summary>
    public sealed record Created(ApplicationUser User) : AdministratorAccountResult;

    /// <summary>The account existed and was given the admin role.</summary>
    public sealed record Promoted(ApplicationUser User) : AdministratorAccountResult;

    /// <summary>Identity refused the account (for example a password too short); nothing was written.</summary>
    public sealed record Rejected(IReadOnlyList<IdentityError> Errors) : AdministratorAccountResult;

    /// <summary>The setup link stopped working before the account could be created.</summary>
    public sealed record LinkClosed(SetupLinkState State) : AdministratorAccountResult;
}
