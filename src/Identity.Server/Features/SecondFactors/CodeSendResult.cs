namespace Identity.Server.Features.SecondFactors;

public enum CodeSendOutcome
{
    Sent,
    CoolingDown,
    Capped,
    InvalidNumber,
    Unsubscribed,
    Failed,
    NoDestination,
}

/// <summary>The outcome of sending a code, with what the page may tell the user (a masked destination, a wait).</summary>
public sealed record CodeSendResult(CodeSendOutcome Outcome, string? MaskedDestination = null, TimeSpan Wait = default)
{
    public bool Sent => Outcome == CodeSendOutcome.Sent;
}
