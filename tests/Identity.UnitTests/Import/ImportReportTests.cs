using Identity.Server.Features.Import;

namespace Identity.UnitTests.Import;

public sealed class ImportReportTests
{
    [Fact]
    public void Summary_CountsCreatedPerKindAndUpdatedAndUnchanged_WhenEntriesAreRecorded()
    {
        var report = new ImportReport();
        report.Record("scope", "scopes[0] (name \"api\")", EntryChange.Created);
        report.Record("client", "clients[0] (clientId \"web\")", EntryChange.Created);
        report.Record("client", "clients[1] (clientId \"svc\")", EntryChange.Created);
        report.Record("user", "users[0]", EntryChange.UpdatedOrUnchanged(["displayName", "password"]));
        report.Record("user", "users[1]", EntryChange.Unchanged);

        Assert.Equal("Imported: 1 scope, 2 clients, 0 users created; 1 updated; 1 unchanged", report.Summary);
        Assert.Equal("users[0]: updated (displayName, password)", report.Lines[3]);
        Assert.True(report.ChangedAnything);
    }

    [Fact]
    public void ChangedAnything_IsFalse_WhenEveryEntryIsUnchanged()
    {
        var report = new ImportReport();
        report.Record("user", "users[0]", EntryChange.UpdatedOrUnchanged([]));

        Assert.False(report.ChangedAnything);
        Assert.Equal("users[0]: unchanged", Assert.Single(report.Lines));
    }

    [Fact]
    public void ChangedAnything_IsTrue_WhenOnlyARoleWasCreated()
    {
        var report = new ImportReport();
        report.RoleCreated("auditor");

        Assert.True(report.ChangedAnything);
        Assert.Equal("role \"auditor\": created", Assert.Single(report.Lines));
    }
}
