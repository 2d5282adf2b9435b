using Identity.Server.Features.SecondFactors.RecoveryCodes;

namespace Identity.UnitTests.SecondFactors;

/// <summary>Recovery codes are stored as salted hashes, forgiving case and spaces in what was typed.</summary>
public sealed class RecoveryCodeHashTests
{
    [Fact]
    public void Hash_DoesNotContainCode()
    {
        var hash = HashedRecoveryCodeUserStore.Hash("user-1", "ABCDE-FGHJK");
        Assert.DoesNotContain("ABCDE", hash, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("sha256:", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_IsSame_WhenTypedInLowercaseWithSpaces() =>
        Assert.Equal(HashedRecoveryCodeUserStore.Hash("user-1", "ABCDE-FGHJK"), HashedRecoveryCodeUserStore.Hash("user-1", " abcde-fghjk "));

    [Fact]
    public void Hash_Differs_WhenAccountDiffers() =>
        Assert.NotEqual(HashedRecoveryCodeUserStore.Hash("user-1", "ABCDE-FGHJK"), HashedRecoveryCodeUserStore.Hash("user-2", "ABCDE-FGHJK"));
}
