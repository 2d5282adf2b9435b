using Identity.Server.Data;
using Identity.Server.Features.Audit;
using Identity.Server.Features.Email;
using Identity.Server.Features.PasswordReset;
using Microsoft.AspNetCore.Identity;

namespace Identity.Server.Features.Admin.Users;

/// <summary>What creating an account came to.</summary>
public abstract record UserCreationResult
{
    public sealed record Created(ApplicationUser User, EmailSendResult? Invitation) : UserCreationResult;

    public sealed record Rejected(IReadOnlyList<IdentityError> Errors) : UserCreationResult;
}

/// <summary>
/// An administrator creating an account: invited by email to choose a password, or given an initial
/// password that works once, to choose their own (<see cref="ApplicationUser.MustChangePassword"/>).
/// </summary>
public sealed class UserCreation(UserManager<ApplicationUser> users, PasswordResets resets, IAuditLog audit, TimeProvider time)
{
    public async Task<UserCreationResult> CreateAsync(NewUserInput input, CancellationToken cancellationToken)
    {
        var email = input.Email!.Trim();
        var invited = input.FirstPassword == FirstPassword.Invitation;
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.TrimmedDisplayName,
            PhoneNumber = input.TrimmedPhoneNumber,
            PhoneNumberConfirmed = input.PhoneNumberConfirmed,
            EmailConfirmed = input.EmailConfirmed,
            MustChangePassword = !invited,
            CreatedAt = time.GetUtcNow(),
        };

        var created = invited ? await users.CreateAsync(user) : await users.CreateAsync(user, input.InitialPassword!);
        if (!created.Succeeded)
        {
            return new UserCreationResult.Rejected([.. created.Errors]);
        }

        var invitation = invited ? await resets.SendInvitationAsync(user, cancellationToken) : (EmailSendResult?)null;
        await audit.RecordAsync(AuditRecord.Succeeded(AuditEventTypes.AdminUserCreated, user.Id)
            .With("first_password", invited ? "invitation" : "initial_password")
            .With("invitation", invitation?.ToString()), cancellationToken);
        return new UserCreationResult.Created(user, invitation);
    }
}
