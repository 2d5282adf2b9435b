namespace Identity.Server.Features.SignIn;

/// <summary>Text of the sign-in pages; Dutch in SignInText.nl.resx.</summary>
public sealed class SignInText;
