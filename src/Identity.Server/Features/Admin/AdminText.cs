namespace Identity.Server.Features.Admin;

/// <summary>Text of the admin pages; Dutch in AdminText.nl.resx.</summary>
public sealed class AdminText;
