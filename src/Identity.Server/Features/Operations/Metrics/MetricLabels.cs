using Identity.Server.Features.SignIn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Server.Features.Operations.Metrics;

/// <summary>Maps recorded values onto the fixed label values of <see cref="IdentityMetrics"/>; anything else is "other".</summary>
public static class MetricLabels
{
    private static readonly HashSet<string> Methods = ["sms", "email", "authenticator", "recovery", "passkey"];

    // RFC 8176 §2 values the service issues (see AuthenticationMethods, SecondFactorMethods, PasskeyMethods).
    private static readonly HashSet<string> AmrValues = [AuthenticationMethods.Password, "sms", "otp", "rec", "hwk", "user"];

    private static readonly HashSet<string> Reasons =
    [
        "unknown_account", "wrong_password", "locked_out", "email_not_confirmed", "password_change_required",
        "failed_sign_ins", "failed_second_factors",
    ];

    private static readonly HashSet<string> KnownGrantTypes = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken, GrantTypes.ClientCredentials];

    public static string Method(string? value) => Known(Methods, value);

    public static string Reason(string? value) => Known(Reasons, value);

    public static string GrantType(string? value) => Known(KnownGrantTypes, value);

    /// <summary>The methods of a session, as "pwd+sms": amr values in the order given, without "mfa" (implied by two of them).</summary>
    public static string Amr(string? amr)
    {
        var values = (amr ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(value => value != AuthenticationMethods.MultiFactor)
            .Select(value => AmrValues.Contains(value) ? value : IdentityMetrics.Other)
            .Distinct()
            .ToList();
        return values.Count == 0 ? IdentityMetrics.Other : string.Join('+', values);
    }

    private static string Known(HashSet<string> known, string? value) =>
        value is not null && known.Contains(value) ? value : IdentityMetrics.Other;
}
