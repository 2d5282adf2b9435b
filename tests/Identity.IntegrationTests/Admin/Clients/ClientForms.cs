using Identity.IntegrationTests.Infrastructure;

namespace Identity.IntegrationTests.Admin.Clients;

/// <summary>Filling the client form: checkboxes by value, as a browser sends them.</summary>
public static class ClientForms
{
    /// <summary>Submits the client form with these fields; list fields (grant types, scopes) replace what the form had checked.</summary>
    public static async Task<BrowserClient.Page> SubmitClientAsync(
        this BrowserClient browser, BrowserClient.Page page, IDictionary<string, string> fields, string[]? grantTypes = null, string[]? scopes = null)
    {
        var form = page.Document.QuerySelector("form.form")!;
        var values = form.QuerySelectorAll("input[name], textarea[name], select[name]")
            .Where(input => input.GetAttribute("type") is not ("checkbox" or "radio") || input.HasAttribute("checked"))
            .Select(input => KeyValuePair.Create(input.GetAttribute("name")!, input.TagName == "TEXTAREA" ? input.TextContent
                : input.TagName == "SELECT" ? input.QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty
                : input.GetAttribute("value") ?? string.Empty))
            .Where(pair => !fields.ContainsKey(pair.Key))
            .Where(pair => grantTypes is null || pair.Key != "Form.GrantTypes")
            .Where(pair => scopes is null || pair.Key != "Form.Scopes")
            .ToList();
        values.AddRange(fields);
        values.AddRange((grantTypes ?? []).Select(grant => KeyValuePair.Create("Form.GrantTypes", grant)));
        values.AddRange((scopes ?? []).Select(scope => KeyValuePair.Create("Form.Scopes", scope)));
        var response = await browser.Http.PostAsync(page.Url, new FormUrlEncodedContent(values));
        return await BrowserClient.Page.ReadAsync(await browser.FollowAsync(response));
    }
}
