using Identity.Server.Features.SignIn;

namespace Identity.Server.Features.Registration;

/// <summary>
/// The return URL a visitor brings along (usually an authorization request from a client), kept
/// through registration and confirmation so they can continue to that client afterwards. Only a path
/// on this server is kept: anything else would turn the pages and emails into an open redirect.
/// </summary>
public static class LocalReturnUrl
{
    public static string? From(string? returnUrl) => ReturnUrls.Safe(returnUrl) is var safe && safe != ReturnUrls.Default ? safe : null;

    /// <summary>A link to one of the account pages that carries the return URL along, if there is one.</summary>
    public static string AppendTo(string path, string? returnUrl) =>
        From(returnUrl) is { } local ? path + "?returnUrl=" + Uri.EscapeDataString(local) : path;
}
