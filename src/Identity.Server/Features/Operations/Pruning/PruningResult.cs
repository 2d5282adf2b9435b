namespace Identity.Server.Features.Operations.Pruning;

/// <summary>What one pruning pass deleted.</summary>
public sealed record PruningResult(long Tokens, long Authorizations, int SecurityCodes, int SignInNotices, int ExpiredState)
{
    public bool IsEmpty => Tokens == 0 && Authorizations == 0 && SecurityCodes == 0 && SignInNotices == 0 && ExpiredState == 0;
}
