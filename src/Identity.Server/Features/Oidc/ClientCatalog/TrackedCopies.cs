using Identity.Server.Data;

namespace Identity.Server.Features.Oidc.ClientCatalog;

/// <summary>
/// Hands a request rows from the <see cref="CatalogCache"/> as its database context would hand them from a
/// query: a copy of its own, attached to the context unchanged, or the instance the context already tracks.
/// So the import and the admin pages update what they found exactly as before, and OpenIddict's concurrency
/// token makes an update based on a copy older than the database fail instead of overwriting a newer change.
/// </summary>
public sealed class TrackedCopies<TEntity>(
    CatalogCache catalog,
    ApplicationDbContext db,
    Func<TEntity, TEntity> copy,
    Func<TEntity, string?> id,
    Func<TEntity, string?> concurrencyToken) where TEntity : class
{
    /// <summary>What this request was given, so a second lookup of a row costs neither a copy nor an attach.</summary>
    private readonly Dictionary<string, (long Generation, TEntity? Entity)> _given = new(StringComparer.Ordinal);

    /// <summary>The cached row (null when the cache knows there is none), or false when the database must be read.</summary>
    public bool TryGet(string key, out TEntity? entity)
    {
        var generation = catalog.Generation;
        if (_given.TryGetValue(key, out var given) && given.Generation == generation)
        {
            entity = given.Entity;
            return true;
        }

        entity = null;
        if (!catalog.TryGet(key, out var remembered))
        {
            return false;
        }

        if (remembered is TEntity row)
        {
            entity = Attach(row);
        }

        _given[key] = (generation, entity);
        return true;
    }

    private TEntity Attach(TEntity row)
    {
        try
        {
            return db.Attach(copy(row)).Entity;
        }
        // The context already tracks this row (read by id earlier in the request), and a query would return
        // that instance. Looked for only then: the local view first detects changes in every tracked entity.
        catch (InvalidOperationException) when (db.Set<TEntity>().Local.FindEntry(id(row)) is { } tracked)
        {
            return tracked.Entity;
        }
    }

    /// <summary>Remembers what the database gave (read under <paramref name="generation"/>) and returns it.</summary>
    public TEntity? Keep(string key, TEntity? entity, long generation)
    {
        catalog.Remember(key, entity is null ? null : copy(entity),
            entity is null ? null : CatalogCache.Stamp(id(entity), concurrencyToken(entity)), generation);
        _given[key] = (generation, entity);
        return entity;
    }
}
