using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin;

/// <summary>Driving the admin pages as an administrator does: open a page, press one of its buttons.</summary>
public static class AdminPages
{
    /// <summary>Submits the form marked <c>data-action</c> on a page (the one-click actions), redirects followed.</summary>
    public static Task<BrowserClient.Page> PressAsync(this BrowserClient browser, BrowserClient.Page page, string action, IDictionary<string, string>? fields = null) =>
        browser.SubmitAsync(page, fields ?? new Dictionary<string, string>(), formSelector: $"form[data-action='{action}']");

    /// <summary>Opens a user's admin page.</summary>
    public static Task<BrowserClient.Page> UserPageAsync(this BrowserClient browser, string userId) =>
        browser.GetAsync("/admin/users/" + Uri.EscapeDataString(userId));

    /// <summary>The text of the rows of the page's first table body.</summary>
    public static IReadOnlyList<string> Rows(this BrowserClient.Page page) =>
        [.. page.Document.QuerySelectorAll("table tbody tr").Select(row => row.TextContent)];
}
