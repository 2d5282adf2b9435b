using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.Server.Features.Oidc.ClientCatalog;

/// <summary>
/// Clears the <see cref="CatalogCache"/> when this node saves a client or a scope, whichever code saves it
/// (OpenIddict's managers, the import, the admin pages): before the save, so no request uses the old row
/// from memory meanwhile, and after it, so a row read during the save is not kept.
/// </summary>
public sealed class CatalogChangeInterceptor(CatalogCache catalog) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    private void Saving(DbContext? context)
    {
        if (context is not null && HasCatalogChanges(context.ChangeTracker))
        {
            catalog.Clear();
            _saving.AddOrUpdate(context, context);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && _saving.Remove(context))
        {
            catalog.Clear();
        }
    }

    /// <summary>SaveChanges has just detected changes; looking at the entries must not do it a second time.</summary>
    private static bool HasCatalogChanges(ChangeTracker changes)
    {
        var detecting = changes.AutoDetectChangesEnabled;
        changes.AutoDetectChangesEnabled = false;
        try
        {
            return changes.Entries().Any(IsCatalogChange);
        }
        finally
        {
            changes.AutoDetectChangesEnabled = detecting;
        }
    }

    private static bool IsCatalogChange(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && entry.Entity is OpenIddictEntityFrameworkCoreApplication or OpenIddictEntityFrameworkCoreScope;
}
