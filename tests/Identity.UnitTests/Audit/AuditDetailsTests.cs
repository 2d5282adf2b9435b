using Identity.Server.Features.Audit;

namespace Identity.UnitTests.Audit;

/// <summary>The short JSON stored with an audit event.</summary>
public sealed class AuditDetailsTests
{
    [Fact]
    public void ToJson_GivesNull_WhenThereAreNoDetails() => Assert.Null(AuditDetails.ToJson(new Dictionary<string, string?>()));

    [Fact]
    public void ToJson_LeavesOutNullValues_WhenSomeAreMissing() =>
        Assert.Equal("{\"reason\":\"x\"}", AuditDetails.ToJson(new Dictionary<string, string?> { ["reason"] = "x", ["until"] = null }));

    [Fact]
    public void ToJson_StripsControlCharacters_WhenValueHasLineBreaks() =>
        Assert.Equal("{\"reason\":\"firstsecond\"}", AuditDetails.ToJson(new Dictionary<string, string?> { ["reason"] = "first\r\nsecond" }));

    [Fact]
    public void ToJson_CutsLongValues_WhenValueIsPasted()
    {
        var json = AuditDetails.ToJson(new Dictionary<string, string?> { ["reason"] = new string('x', 5_000) })!;

        Assert.True(json.Length < 300, json);
        Assert.EndsWith("…\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_FitsTheColumn_WhenEveryValueIsAtItsLongest()
    {
        var details = Enumerable.Range(0, 20).ToDictionary(i => "key" + i, _ => (string?)new string('<', 1_000));

        var json = AuditDetails.ToJson(details)!;

        Assert.True(json.Length <= Identity.Server.Data.AuditEvent.DetailsMaxLength, $"{json.Length} characters");
        Assert.Equal(AuditDetails.MaxValues, System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateObject().Count());
    }
}
