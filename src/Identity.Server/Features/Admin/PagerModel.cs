namespace Identity.Server.Features.Admin;

/// <summary>Previous and next links of a paged list.</summary>
public sealed record PagerModel(int Page, int PageCount, Func<int, string> Link);
