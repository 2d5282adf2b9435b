namespace Identity.Server.Features.Registration;

/// <summary>Text of the registration and email confirmation pages; Dutch in RegistrationText.nl.resx.</summary>
public sealed class RegistrationText;
