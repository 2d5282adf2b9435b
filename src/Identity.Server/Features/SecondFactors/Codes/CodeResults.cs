namespace Identity.Server.Features.SecondFactors.Codes;

/// <summary>What to send, and where.</summary>
public sealed record CodeRequest(string UserId, string Purpose, string Channel, string Destination, string? ClientIp, bool WithLink = false);

/// <summary>The outcome of asking for a code.</summary>
public abstract record CodeIssue
{
    /// <summary>A new code (and one-tap link token, if asked for); older codes for the purpose are dead.</summary>
    public sealed record Issued(Guid Id, OneTimeCode Code, string? LinkToken) : CodeIssue;

    /// <summary>A code was sent moments ago; wait before asking again.</summary>
    public sealed record CoolingDown(TimeSpan Wait) : CodeIssue;

    /// <summary>An hourly cap for the account, the destination or the client address was reached.</summary>
    public sealed record Capped : CodeIssue;
}

public enum CodeCheckStatus
{
    Valid,
    Invalid,
    Expired,
    TooManyAttempts,
}

/// <summary>The outcome of checking a code; on success, whose it was and where it had been sent.</summary>
public sealed record CodeCheck(CodeCheckStatus Status, string? UserId = null, string? Destination = null)
{
    public bool Succeeded => Status == CodeCheckStatus.Valid;
}
