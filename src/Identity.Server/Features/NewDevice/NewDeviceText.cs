namespace Identity.Server.Features.NewDevice;

/// <summary>Text of the new-device notice and pages; Dutch in NewDeviceText.nl.resx.</summary>
public sealed class NewDeviceText;
