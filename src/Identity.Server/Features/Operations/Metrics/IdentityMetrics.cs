using System.Diagnostics.Metrics;

namespace Identity.Server.Features.Operations.Metrics;

/// <summary>
/// The product's own counters, exported at <c>/metrics</c>: sign-ins, second-factor challenges, lockouts
/// and issued tokens. Counters only, with label values from fixed lists, so a visitor cannot grow the
/// series (a label taken from input would let anyone exhaust the scraper's memory).
/// </summary>
public sealed class IdentityMetrics
{
    public const string MeterName = "Identity.Server";
    public const string Other = "other";

    private readonly Counter<long> _signIns;
    private readonly Counter<long> _challenges;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _tokens;

    public IdentityMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _signIns = meter.CreateCounter<long>("identity.sign_ins", "{sign_in}", "Sign-in attempts, by outcome, method (amr values) and reason of a failure.");
        _challenges = meter.CreateCounter<long>("identity.second_factor.challenges", "{challenge}", "Second-factor challenges sent, passed and failed, by method.");
        _lockouts = meter.CreateCounter<long>("identity.lockouts", "{lockout}", "Accounts locked out after failed attempts, by reason.");
        _tokens = meter.CreateCounter<long>("identity.tokens.issued", "{response}", "Successful token endpoint responses, by grant type.");
    }

    public void SignIn(string outcome, string method, string reason) =>
        _signIns.Add(1, Tag("outcome", outcome), Tag("method", method), Tag("reason", reason));

    public void Challenge(string method, string outcome) =>
        _challenges.Add(1, Tag("method", MetricLabels.Method(method)), Tag("outcome", outcome));

    public void Lockout(string reason) => _lockouts.Add(1, Tag("reason", MetricLabels.Reason(reason)));

    public void TokenIssued(string grantType) => _tokens.Add(1, Tag("grant_type", MetricLabels.GrantType(grantType)));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
