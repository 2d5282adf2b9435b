using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using OpenIddict.Server;

namespace Identity.Server.Features.Oidc.Discovery;

/// <summary>
/// Serves the discovery document and the JWKS (OIDC Discovery §4, RFC 7517) from memory. OpenIddict builds
/// both on every request, exporting every public key; relying parties and API gateways fetch them often.
/// Each answer is kept together with the <see cref="OpenIddictServerOptions"/> instance that was current
/// when it was made: a key ring change (<see cref="Keys.SigningKeyRing"/>'s change token) makes the options
/// monitor build a new instance, so the next request misses and OpenIddict renders the new keys.
/// </summary>
public sealed class DiscoveryDocumentCache(RequestDelegate next, IOptionsMonitor<OpenIddictServerOptions> server)
{
    private static readonly PathString[] Paths = ["/.well-known/openid-configuration", "/.well-known/jwks"];

    private readonly CachedDocument?[] _documents = new CachedDocument?[Paths.Length];

    public async Task InvokeAsync(HttpContext context)
    {
        var index = Array.IndexOf(Paths, context.Request.Path);
        if (index < 0 || !HttpMethods.IsGet(context.Request.Method) || context.Request.QueryString.HasValue)
        {
            await next(context);
            return;
        }

        // Read before OpenIddict reads it: an answer is never filed under options older than those it was made from.
        var options = server.CurrentValue;
        if (Volatile.Read(ref _documents[index]) is { } cached && ReferenceEquals(cached.Options, options))
        {
            await cached.WriteAsync(context.Response, context.RequestAborted);
            return;
        }

        var document = await RenderAsync(context, options);
        if (document is not null)
        {
            Volatile.Write(ref _documents[index], document);
        }
    }

    private async Task<CachedDocument?> RenderAsync(HttpContext context, OpenIddictServerOptions options)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        var body = buffer.ToArray();
        await original.WriteAsync(body, context.RequestAborted);
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            return null;
        }

        // Never replay a cookie to everyone who asks next; the length is set from the body.
        var headers = response.Headers
            .Where(header => !string.Equals(header.Key, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(header.Key, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return new CachedDocument(options, headers, body);
    }

    private sealed record CachedDocument(OpenIddictServerOptions Options, KeyValuePair<string, StringValues>[] Headers, byte[] Body)
    {
        public Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
        {
            response.StatusCode = StatusCodes.Status200OK;
            foreach (var (name, value) in Headers)
            {
                response.Headers[name] = value;
            }

            response.ContentLength = Body.Length;
            return response.Body.WriteAsync(Body, cancellationToken).AsTask();
        }
    }
}
