namespace Identity.Server.Features.Oidc.Keys;

/// <summary>A key's life as the rotation policy sees it.</summary>
public sealed record KeyWindow(Guid Id, KeyUse Use, DateTimeOffset NotBefore, DateTimeOffset NotAfter);

/// <summary>What a rotation check decided: keys to create (with their activation time) and keys to drop.</summary>
public sealed record RotationPlan(IReadOnlyList<(KeyUse Use, DateTimeOffset NotBefore, DateTimeOffset NotAfter)> Create, IReadOnlyList<Guid> Delete)
{
    public bool IsEmpty => Create.Count == 0 && Delete.Count == 0;
}

/// <summary>
/// Decides when keys are created and dropped. Each key is active for one rotation interval; its
/// successor is created a prepublish period early so it is in the JWKS before it signs, and a retired
/// key stays for the retention period so tokens it signed or encrypted can still be verified.
/// </summary>
public static class KeyRotationPolicy
{
    public static RotationPlan Plan(IEnumerable<KeyWindow> keys, DateTimeOffset now, SigningKeyOptions options)
    {
        var create = new List<(KeyUse, DateTimeOffset, DateTimeOffset)>();
        var delete = new List<Guid>();
        var all = keys.ToList();

        delete.AddRange(all.Where(key => key.NotAfter <= now).Select(key => key.Id));

        foreach (var use in new[] { KeyUse.Signing, KeyUse.Encryption })
        {
            var live = all.Where(key => key.Use == use && key.NotAfter > now).ToList();
            if (!live.Any(key => key.NotBefore <= now))
            {
                // Nothing can sign right now (first start, or the server was off past a key's life).
                // The new key counts as live below: its successor may already be due for prepublishing.
                var first = new KeyWindow(Guid.Empty, use, now, now + options.RotationInterval + options.RetentionPeriod);
                create.Add((use, first.NotBefore, first.NotAfter));
                live.Add(first);
            }

            var handOver = live.Max(key => key.NotBefore) + options.RotationInterval;
            if (now >= handOver - options.PrepublishPeriod)
            {
                var start = handOver > now ? handOver : now;
                create.Add((use, start, start + options.RotationInterval + options.RetentionPeriod));
            }
        }

        return new RotationPlan(create, delete);
    }
}
