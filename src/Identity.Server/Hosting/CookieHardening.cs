namespace Identity.Server.Hosting;

/// <summary>
/// One rule for every cookie the service sets: HttpOnly, Secure and <c>__Host-</c> prefixed (bound
/// to this exact origin, RFC 6265bis §4.1.3.2). Development on plain http://localhost is the one
/// exception, where a Secure cookie could not come back.
/// </summary>
public static class CookieHardening
{
    public static void Harden(this CookieBuilder cookie, string name, IHostEnvironment environment)
    {
        var development = environment.IsDevelopment();
        cookie.Name = development ? name : "__Host-" + name;
        cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.HttpOnly = true;
        cookie.Path = "/";
    }
}
