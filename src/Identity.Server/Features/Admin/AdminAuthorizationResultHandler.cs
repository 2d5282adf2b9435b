using System.Security.Claims;
using Identity.Server.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Identity.Server.Features.Admin;

/// <summary>
/// What a refused admin request gets: an administrator whose sign-in is too old signs in again (a
/// challenge, back to the page afterwards); anyone else signed in gets 403, and the attempt is audited.
/// Every other policy keeps the default behaviour.
/// </summary>
public sealed class AdminAuthorizationResultHandler(ILogger<AdminAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(reason => reason.Message).ToList() ?? [];
        if (authorizeResult.Forbidden && reasons.Contains(AdminPolicy.SessionTooOld))
        {
            AdminLog.SessionExpired(logger, context.User.FindFirstValue(ClaimTypes.NameIdentifier));
            await context.ChallengeAsync();
            return;
        }

        if (authorizeResult.Forbidden && policy.Requirements.OfType<AdministratorRequirement>().Any())
        {
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            var reason = reasons.FirstOrDefault() ?? AdminPolicy.NotAdministrator;
            AdminLog.AccessDenied(logger, userId, context.Request.Path, reason);
            await context.RequestServices.GetRequiredService<IAuditLog>().RecordAsync(
                AuditRecord.Failed(AuditEventTypes.AdminAccessDenied, userId)
                    .With("path", context.Request.Path.Value)
                    .With("reason", reason),
                context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
