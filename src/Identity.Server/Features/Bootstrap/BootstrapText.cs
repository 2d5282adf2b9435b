namespace Identity.Server.Features.Bootstrap;

/// <summary>Text of the first-administrator setup page; Dutch in BootstrapText.nl.resx.</summary>
public sealed class BootstrapText;
