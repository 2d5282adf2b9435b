using Microsoft.Extensions.Localization;

namespace Identity.Server.Features.Passkeys;

/// <summary>What the pages say about a passkey that did not work. Never the browser's own text, only fixed messages.</summary>
public static class PasskeyMessages
{
    public static string Describe(PasskeyCheck check, IStringLocalizer<PasskeysText> text) => check switch
    {
        PasskeyCheck.Cancelled { BrowserError: "NotSupportedError" or "SecurityError" } =>
            text["This browser cannot use passkeys here. Sign in with your password instead."],
        PasskeyCheck.Cancelled =>
            text["The passkey request was cancelled or timed out. Try again when you are ready."],
        PasskeyCheck.Expired =>
            text["The passkey request expired. Try again."],
        PasskeyCheck.NotAllowed =>
            text["This account cannot sign in right now. Try again later or sign in with your password."],
        _ => text["That passkey could not be verified. Try again, or use another way to sign in."],
    };

    public static string Describe(PasskeyAddResult result, IStringLocalizer<PasskeysText> text) => result switch
    {
        PasskeyAddResult.Cancelled => text["The passkey was not created: the request was cancelled or timed out."],
        PasskeyAddResult.AlreadyRegistered => text["This device already has a passkey for your account."],
        PasskeyAddResult.TooMany => text["You have the maximum number of passkeys. Remove one first."],
        PasskeyAddResult.Expired => text["The passkey request expired. Try again."],
        _ => text["The passkey could not be added. Try again."],
    };
}
