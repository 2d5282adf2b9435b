using Identity.Server.Features.Oidc.Keys;

namespace Identity.UnitTests.Oidc;

/// <summary>
/// When token keys are created and dropped (RFC 7517 key sets; OIDC Core §10.1.1 on rotating keys
/// that relying parties cache): a key signs for one interval, its successor is published a prepublish
/// period before it takes over, and a retired key stays for the retention period.
/// </summary>
public sealed class KeyRotationPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly SigningKeyOptions Options = new()
    {
        RotationInterval = TimeSpan.FromDays(90),
        PrepublishPeriod = TimeSpan.FromDays(2),
        RetentionPeriod = TimeSpan.FromDays(30),
    };

    [Fact]
    public void Plan_CreatesOneActiveKeyPerUse_WhenThereAreNoKeys()
    {
        var plan = KeyRotationPolicy.Plan([], Now, Options);

        Assert.Equal(2, plan.Create.Count);
        Assert.Equal([KeyUse.Signing, KeyUse.Encryption], plan.Create.Select(key => key.Use));
        Assert.All(plan.Create, key =>
        {
            Assert.Equal(Now, key.NotBefore);
            Assert.Equal(Now + Options.RotationInterval + Options.RetentionPeriod, key.NotAfter);
        });
        Assert.Empty(plan.Delete);
    }

    [Fact]
    public void Plan_DoesNothing_WhenActiveKeysAreFarFromHandover()
    {
        var keys = ActivePair(Now - TimeSpan.FromDays(10));

        var plan = KeyRotationPolicy.Plan(keys, Now, Options);

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_PrepublishesSuccessorStartingAtHandover_WhenHandoverIsWithinPrepublishPeriod()
    {
        var activeSince = Now - Options.RotationInterval + TimeSpan.FromDays(1);
        var keys = ActivePair(activeSince);

        var plan = KeyRotationPolicy.Plan(keys, Now, Options);

        var handOver = activeSince + Options.RotationInterval;
        Assert.Equal(2, plan.Create.Count);
        Assert.All(plan.Create, key =>
        {
            Assert.Equal(handOver, key.NotBefore);
            Assert.True(key.NotBefore > Now, "The successor must be published before it signs.");
            Assert.Equal(handOver + Options.RotationInterval + Options.RetentionPeriod, key.NotAfter);
        });
        Assert.Empty(plan.Delete);
    }

    [Fact]
    public void Plan_DoesNotCreateAnotherSuccessor_WhenOneIsAlreadyPublished()
    {
        var activeSince = Now - Options.RotationInterval + TimeSpan.FromDays(1);
        var successorFrom = activeSince + Options.RotationInterval;
        var keys = ActivePair(activeSince).Concat(ActivePair(successorFrom)).ToList();

        var plan = KeyRotationPolicy.Plan(keys, Now, Options);

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_KeepsRetiredKey_WhenItsRetentionHasNotEnded()
    {
        var oldSince = Now - Options.RotationInterval - TimeSpan.FromDays(5);
        var keys = ActivePair(oldSince).Concat(ActivePair(oldSince + Options.RotationInterval)).ToList();

        var plan = KeyRotationPolicy.Plan(keys, Now, Options);

        Assert.True(plan.IsEmpty, "A retired key was dropped while tokens it signed may still be live.");
    }

    [Fact]
    public void Plan_DeletesKeys_WhenTheirLifeHasEnded()
    {
        var expired = new KeyWindow(Guid.NewGuid(), KeyUse.Signing, Now - TimeSpan.FromDays(200), Now - TimeSpan.FromSeconds(1));
        var keys = ActivePair(Now - TimeSpan.FromDays(10)).Append(expired).ToList();

        var plan = KeyRotationPolicy.Plan(keys, Now, Options);

        Assert.Equal([expired.Id], plan.Delete);
        Assert.Empty(plan.Create);
    }

    [Fact]
    public void Plan_ReplacesKeysImmediately_WhenServerWasOffPastTheirLife()
    {
        var longAgo = Now - TimeSpan.FromDays(400);
        var keys = ActivePair(longAgo, end: longAgo + Options.RotationInterval + Options.RetentionPeriod);

        var plan = KeyRotationPolicy.Plan(keys, Now, Options);

        Assert.Equal(keys.Select(key => key.Id).Order(), plan.Delete.Order());
        Assert.Equal(2, plan.Create.Count);
        Assert.All(plan.Create, key => Assert.Equal(Now, key.NotBefore));
    }

    [Fact]
    public void Plan_HandsOverNow_WhenServerWasOffPastTheHandoverButWithinRetention()
    {
        var activeSince = Now - Options.RotationInterval - TimeSpan.FromDays(3);
        var keys = ActivePair(activeSince);

        var plan = KeyRotationPolicy.Plan(keys, Now, Options);

        Assert.Empty(plan.Delete);
        Assert.Equal(2, plan.Create.Count);
        Assert.All(plan.Create, key => Assert.Equal(Now, key.NotBefore));
    }

    [Fact]
    public void Plan_PrepublishesSuccessorOnFirstStart_WhenPrepublishPeriodEqualsRotationInterval()
    {
        var options = new SigningKeyOptions
        {
            RotationInterval = TimeSpan.FromHours(1),
            PrepublishPeriod = TimeSpan.FromHours(1),
            RetentionPeriod = TimeSpan.FromDays(30),
        };

        var plan = KeyRotationPolicy.Plan([], Now, options);

        var signing = plan.Create.Where(key => key.Use == KeyUse.Signing).OrderBy(key => key.NotBefore).ToList();
        Assert.Equal(2, signing.Count);
        Assert.Equal(Now, signing[0].NotBefore);
        Assert.Equal(Now + options.RotationInterval, signing[1].NotBefore);
    }

    [Fact]
    public void Plan_IsStable_WhenAppliedTwice()
    {
        var first = KeyRotationPolicy.Plan([], Now, Options);
        var keys = first.Create.Select(key => new KeyWindow(Guid.NewGuid(), key.Use, key.NotBefore, key.NotAfter)).ToList();

        var second = KeyRotationPolicy.Plan(keys, Now + TimeSpan.FromMinutes(5), Options);

        Assert.True(second.IsEmpty);
    }

    private static List<KeyWindow> ActivePair(DateTimeOffset since, DateTimeOffset? end = null) =>
    [
        new(Guid.NewGuid(), KeyUse.Signing, since, end ?? since + Options.RotationInterval + Options.RetentionPeriod),
        new(Guid.NewGuid(), KeyUse.Encryption, since, end ?? since + Options.RotationInterval + Options.RetentionPeriod),
    ];
}
