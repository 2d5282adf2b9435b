namespace Identity.Server.Features.SecondFactors.Phone;

/// <summary>Masks phone numbers: on pages only the last two digits show, in logs the country code and last three.</summary>
public static class PhoneMask
{
    /// <summary><c>••• ••• •• 78</c>: enough for the owner to recognise, too little to learn the number.</summary>
    public static string ForDisplay(string? e164) =>
        string.IsNullOrEmpty(e164) || e164.Length < 4 ? "•••" : "••• ••• •• " + e164[^2..];

    /// <summary><c>+31•••••678</c>.</summary>
    public static string ForLog(string? e164) =>
        string.IsNullOrEmpty(e164) || e164.Length < 7 ? "•••" : e164[..3] + "•••••" + e164[^3..];
}
