using Identity.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Features.SecondFactors.Authenticator;

public enum AuthenticatorCheck
{
    Valid,
    Invalid,
    Replayed,
    NotSetUp,
}

/// <summary>Checks authenticator app codes against the account's key, refusing a code that was already accepted.</summary>
public sealed class AuthenticatorCodes(UserManager<ApplicationUser> users, ApplicationDbContext db, TimeProvider time)
{
    /// <summary>Checks a code against the account's confirmed key (Identity's authenticator key token).</summary>
    public async Task<AuthenticatorCheck> CheckAsync(ApplicationUser user, string? code, CancellationToken cancellationToken)
    {
        var key = Base32.Decode(await users.GetAuthenticatorKeyAsync(user));
        return key is null ? AuthenticatorCheck.NotSetUp : await CheckAsync(user.Id, key, code, cancellationToken);
    }

    /// <summary>Checks a code against a given key (during enrolment) and records its time step.</summary>
    public async Task<AuthenticatorCheck> CheckAsync(string userId, byte[] key, string? code, CancellationToken cancellationToken)
    {
        var step = Totp.Match(key, Codes.OneTimeCode.Clean(code), time.GetUtcNow());
        if (step is null)
        {
            return AuthenticatorCheck.Invalid;
        }

        return await AcceptTimeStepAsync(userId, step.Value, cancellationToken) ? AuthenticatorCheck.Valid : AuthenticatorCheck.Replayed;
    }

    /// <summary>Moves the account's last accepted step forward; false when it is already at or past this one.
    /// A conditional update, so two parallel uses of one code cannot both pass.</summary>
    private async Task<bool> AcceptTimeStepAsync(string userId, long step, CancellationToken cancellationToken)
    {
        var moved = await db.Set<AuthenticatorTimeStep>()
            .Where(row => row.UserId == userId && row.LastTimeStep < step)
            .ExecuteUpdateAsync(row => row.SetProperty(r => r.LastTimeStep, step), cancellationToken);
        if (moved == 1)
        {
            return true;
        }

        if (await db.Set<AuthenticatorTimeStep>().AnyAsync(row => row.UserId == userId, cancellationToken))
        {
            return false;
        }

        try
        {
            db.Add(new AuthenticatorTimeStep { UserId = userId, LastTimeStep = step });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request inserted the first row at the same moment: that one used this code.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
