using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;

namespace Identity.Server.Features.Oidc.Keys;

/// <summary>
/// The keys this node currently holds. OpenIddict reads its signing and encryption credentials
/// once per options build, so a reload here signals a change token that makes it rebuild them.
/// </summary>
public sealed class SigningKeyRing : IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    private IReadOnlyList<(KeyUse Use, X509Certificate2 Certificate)> _keys = [];
    private CancellationTokenSource _changed = new();

    public string? Name => Options.DefaultName;

    public bool IsLoaded { get; private set; }

    public IEnumerable<X509Certificate2> For(KeyUse use) =>
        _keys.Where(key => key.Use == use).Select(key => key.Certificate);

    /// <summary>The earliest moment a held key starts or stops being usable after <paramref name="now"/>.</summary>
    public DateTimeOffset? NextTransitionAfter(DateTimeOffset now) =>
        _keys.SelectMany(key => new DateTimeOffset[] { key.Certificate.NotBefore.ToUniversalTime(), key.Certificate.NotAfter.ToUniversalTime() })
            .Where(moment => moment > now)
            .Order()
            .Cast<DateTimeOffset?>()
            .FirstOrDefault();

    public void Replace(IReadOnlyList<(KeyUse Use, X509Certificate2 Certificate)> keys)
    {
        _keys = keys;
        IsLoaded = true;
        var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);
}
