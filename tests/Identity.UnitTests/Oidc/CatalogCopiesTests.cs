using System.Reflection;
using Identity.Server.Features.Oidc.ClientCatalog;
using OpenIddict.EntityFrameworkCore.Models;

namespace Identity.UnitTests.Oidc;

/// <summary>A copy handed to a request carries every stored value of the row, and is a different instance.</summary>
public sealed class CatalogCopiesTests
{
    [Fact]
    public void Copy_CarriesEveryStoredValue_WhenGivenAClient()
    {
        var application = Filled(new OpenIddictEntityFrameworkCoreApplication());

        var copy = CatalogCopies.Copy(application);

        Assert.NotSame(application, copy);
        AssertSameValues(application, copy);
    }

    [Fact]
    public void Copy_CarriesEveryStoredValue_WhenGivenAScope()
    {
        var scope = Filled(new OpenIddictEntityFrameworkCoreScope());

        var copy = CatalogCopies.Copy(scope);

        Assert.NotSame(scope, copy);
        AssertSameValues(scope, copy);
    }

    /// <summary>The stored values: settable strings (navigation collections are not loaded rows).</summary>
    private static IEnumerable<PropertyInfo> StoredValues(object entity) =>
        entity.GetType().GetProperties().Where(property => property.PropertyType == typeof(string) && property.CanWrite);

    private static T Filled<T>(T entity) where T : notnull
    {
        foreach (var property in StoredValues(entity))
        {
            property.SetValue(entity, property.Name + "-value");
        }

        return entity;
    }

    private static void AssertSameValues(object expected, object actual)
    {
        Assert.NotEmpty(StoredValues(expected));
        foreach (var property in StoredValues(expected))
        {
            Assert.True(Equals(property.GetValue(expected), property.GetValue(actual)), $"{property.Name} was not copied.");
        }
    }
}
