using System.Diagnostics.Metrics;

namespace Identity.Server.Features.SecondFactors;

/// <summary>
/// Counters beside the security logs: codes sent by channel and outcome (a jump in "capped" or in
/// texts to one country is SMS pumping), and second-factor checks by method and outcome (guessing).
/// </summary>
public sealed class SecondFactorsMetrics
{
    public const string MeterName = "Identity.Server.SecondFactors";

    private readonly Counter<long> _codesSent;
    private readonly Counter<long> _checks;

    public SecondFactorsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _codesSent = meter.CreateCounter<long>("identity.second_factors.codes", "{code}", "Security codes asked for, by channel and outcome.");
        _checks = meter.CreateCounter<long>("identity.second_factors.checks", "{check}", "Second factors checked at sign-in, by method and outcome.");
    }

    public void CodeRequested(string channel, CodeSendOutcome outcome) =>
        _codesSent.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    public void Checked(SecondFactorMethod method, SecondFactorCheck result) =>
        _checks.Add(1, new KeyValuePair<string, object?>("method", method.Name()), new KeyValuePair<string, object?>("outcome", result.ToString()));
}
