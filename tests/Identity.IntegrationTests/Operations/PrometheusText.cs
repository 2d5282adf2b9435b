using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Identity.IntegrationTests.Operations;

/// <summary>A scrape of /metrics read as Prometheus' text format: one sample per line, <c>name{labels} value</c>.</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text { get; } = text;

    public static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The sum of the samples of <paramref name="name"/> that carry all the given labels; 0 when none does.</summary>
    public double Value(string name, params (string Label, string Value)[] labels) =>
        Text.Split('\n')
            .Select(line => Sample().Match(line))
            .Where(match => match.Success && match.Groups["name"].Value == name)
            .Where(match => labels.All(label => match.Groups["labels"].Value.Contains($"{label.Label}=\"{label.Value}\"", StringComparison.Ordinal)))
            .Sum(match => double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})?\s+(?<value>\S+)")]
    private static partial Regex Sample();
}
