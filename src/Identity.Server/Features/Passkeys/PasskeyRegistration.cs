using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Passkeys;

/// <summary>What adding a passkey said.</summary>
public enum PasskeyAddResult
{
    Added,
    Cancelled,
    AlreadyRegistered,
    TooMany,
    Expired,
    Rejected,
}

/// <summary>
/// Adding a passkey through Identity's WebAuthn handler. The creation options list the account's passkeys
/// as <c>excludeCredentials</c> (WebAuthn §5.4.3), so an authenticator that already holds one refuses
/// to make a second: at most one passkey per authenticator.
/// </summary>
public sealed class PasskeyRegistration(
    IPasskeyHandler<ApplicationUser> handler,
    UserManager<ApplicationUser> users,
    PasskeyCeremony ceremony,
    IHttpContextAccessor accessor,
    IOptions<PasskeyOptions> options,
    IAuditLog audit,
    ILogger<PasskeyRegistration> logger)
{
    public async Task<string> CreationOptionsAsync(ApplicationUser user)
    {
        var email = await users.GetEmailAsync(user) ?? await users.GetUserNameAsync(user) ?? user.Id;
        var entity = new PasskeyUserEntity { Id = user.Id, Name = email, DisplayName = user.DisplayName ?? email };
        var result = await handler.MakeCreationOptionsAsync(entity, Context);
        ceremony.Start(PasskeyCeremonyKind.Register, result.AttestationState ?? string.Empty, user.Id);
        return result.CreationOptionsJson;
    }

    public async Task<PasskeyAddResult> AddAsync(ApplicationUser user, string name, string? credentialJson, string? browserError)
    {
        var started = await ceremony.TakeAsync(PasskeyCeremonyKind.Register);
        var outcome = await CheckAsync(user, started, credentialJson, browserError);
        if (outcome.Result != PasskeyAddResult.Added)
        {
            PasskeysLog.NotAdded(logger, user.Id, outcome.Reason ?? outcome.Result.ToString());
            return outcome.Result;
        }

        var passkey = outcome.Passkey!;
        passkey.Name = name;
        if (!(await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded)
        {
            return PasskeyAddResult.Rejected;
        }

        PasskeysLog.Added(logger, user.Id);
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.TwoStepChange, user.Id).With("change", "passkey added"));
        return PasskeyAddResult.Added;
    }

    public async Task<bool> HasRoomAsync(ApplicationUser user) =>
        (await users.GetPasskeysAsync(user)).Count < options.Value.MaxPasskeysPerAccount;

    private async Task<(PasskeyAddResult Result, UserPasskeyInfo? Passkey, string? Reason)> CheckAsync(
        ApplicationUser user, (string State, string? UserId)? started, string? credentialJson, string? browserError)
    {
        if (browserError == "InvalidStateError")
        {
            return (PasskeyAddResult.AlreadyRegistered, null, "authenticator already holds one");
        }

        if (!string.IsNullOrEmpty(browserError) || string.IsNullOrWhiteSpace(credentialJson))
        {
            return (PasskeyAddResult.Cancelled, null, null);
        }

        if (started is not { } state || state.UserId != user.Id)
        {
            return (PasskeyAddResult.Expired, null, null);
        }

        if (!await HasRoomAsync(user))
        {
            return (PasskeyAddResult.TooMany, null, null);
        }

        var result = await AttestAsync(state.State, credentialJson);
        if (result is not { Succeeded: true } || result.UserEntity.Id != user.Id)
        {
            return (PasskeyAddResult.Rejected, null, result?.Failure?.Message ?? "malformed credential");
        }

        return await users.FindByPasskeyIdAsync(result.Passkey.CredentialId) is null
            ? (PasskeyAddResult.Added, result.Passkey, null)
            : (PasskeyAddResult.AlreadyRegistered, null, "credential id in use");
    }

    private async Task<PasskeyAttestationResult?> AttestAsync(string state, string credentialJson)
    {
        try
        {
            return await handler.PerformAttestationAsync(new PasskeyAttestationContext
            {
                CredentialJson = credentialJson,
                AttestationState = state,
                HttpContext = Context,
            });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Malformed input the handler did not turn into a failure: a refusal, never a 500.
            return null;
        }
    }

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");
}
