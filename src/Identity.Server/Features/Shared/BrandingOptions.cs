using System.ComponentModel.DataAnnotations;

namespace Identity.Server.Features.Shared;

/// <summary>How the service names itself to people: page titles, emails and text messages.</summary>
public sealed class BrandingOptions
{
    public const string SectionName = "Branding";

    /// <summary>The product name users see. Default <c>Identity</c>; 1 to 40 characters.</summary>
    [Required]
    [StringLength(40, MinimumLength = 1)]
    public string ProductName { get; set; } = "Identity";
}
