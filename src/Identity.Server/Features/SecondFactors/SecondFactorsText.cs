namespace Identity.Server.Features.SecondFactors;

/// <summary>Text of the second-factor pages, text messages and emails; Dutch in SecondFactorsText.nl.resx.</summary>
public sealed class SecondFactorsText;
