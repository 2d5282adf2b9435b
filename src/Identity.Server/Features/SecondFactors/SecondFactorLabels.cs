using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.SecondFactors;

/// <summary>The names of the methods as people read them.</summary>
public static class SecondFactorLabels
{
    public static string Name(SecondFactorMethod method, IStringLocalizer<SecondFactorsText> text) => method switch
    {
        SecondFactorMethod.Sms => text["Text message"],
        SecondFactorMethod.Email => text["Email"],
        SecondFactorMethod.Authenticator => text["Authenticator app"],
        _ => text["Recovery code"],
    };
}
