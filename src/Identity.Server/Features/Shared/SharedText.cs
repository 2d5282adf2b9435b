namespace Identity.Server.Features.Shared;

/// <summary>Text used across pages (layout, validation messages); Dutch in SharedText.nl.resx.</summary>
public sealed class SharedText;
