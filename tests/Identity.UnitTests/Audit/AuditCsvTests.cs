using Identity.Server.Features.Admin.Audit;

namespace Identity.UnitTests.Audit;

/// <summary>The audit export's CSV fields (RFC 4180), with formulas defused (CSV injection).</summary>
public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("a,b\nc", "\"a,b\nc\"")]
    [InlineData(null, "\"\"")]
    public void Field_QuotesValue_WhenWritten(string? value, string expected) => Assert.Equal(expected, AuditCsv.Field(value));

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+31612345678")]
    [InlineData("-2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    public void Field_PrefixesApostrophe_WhenSpreadsheetWouldRunIt(string value) =>
        Assert.StartsWith("\"'", AuditCsv.Field(value), StringComparison.Ordinal);

    [Fact]
    public void Write_StartsWithHeaderAndEndsLinesWithCrLf_WhenRowsAreWritten()
    {
        var csv = AuditCsv.Write([new AuditRow(1, DateTimeOffset.UnixEpoch, "sign_in", "success", "u", "u@example.com", "u", "u@example.com", null, "127.0.0.1", "{}")]);

        var lines = csv.Split("\r\n");
        Assert.StartsWith("\"time_utc\",\"event_type\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("\"1970-01-01T00:00:00.000Z\",\"sign_in\",\"success\"", lines[1], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[2]);
    }
}
