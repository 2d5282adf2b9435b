using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.NewDevice;

/// <summary>
/// Hooks <see cref="DeviceSessions"/> into Identity's session cookie, around the security stamp check that
/// Identity already runs there, so every way a session is issued or renewed is covered in one place.
/// </summary>
public static class DeviceSessionEvents
{
    public static void Wrap(CookieAuthenticationOptions options)
    {
        var signingIn = options.Events.OnSigningIn;
        options.Events.OnSigningIn = async context =>
        {
            await signingIn(context);
            if (context.Principal is { } principal)
            {
                await Sessions(context.HttpContext).AttachAsync(principal, context.HttpContext.RequestAborted);
            }
        };

        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            var device = context.Principal?.FindFirst(DeviceSessions.DeviceClaim);
            await validate(context);
            if (context.Principal is not { } principal || device is null)
            {
                return;
            }

            // The security stamp check rebuilds the principal from the store; keep the device it was issued on.
            if (!principal.HasClaim(claim => claim.Type == DeviceSessions.DeviceClaim))
            {
                principal.Identities.First().AddClaim(new Claim(device.Type, device.Value));
            }

            if (!await Sessions(context.HttpContext).IsCurrentAsync(principal, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        };
    }

    private static DeviceSessions Sessions(HttpContext context) => context.RequestServices.GetRequiredService<DeviceSessions>();
}
