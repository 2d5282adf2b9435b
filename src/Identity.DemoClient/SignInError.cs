namespace Identity.DemoClient;

/// <summary>
/// The error shown after a failed sign-in travels in the home page's query string, where anyone
/// can put text of their choosing; only short protocol error codes are ever displayed.
/// </summary>
internal static class SignInError
{
    public const string Generic = "sign_in_failed";

    public static string Normalize(string? error) =>
        error is { Length: > 0 and <= 64 } && error.All(c => char.IsAsciiLetterLower(c) || c == '_')
            ? error
            : Generic;
}
