namespace Identity.Server.Features.Admin.Users;

/// <summary>How the user list is sorted.</summary>
public enum UserSort
{
    Email,
    Name,
    Phone,
}

/// <summary>Two-step verification filter: either way, on, or off.</summary>
public enum TwoStepFilter
{
    Any,
    On,
    Off,
}

/// <summary>What the administrator asked the user list for: a search term, filters, order and page.</summary>
public sealed record UserSearchQuery
{
    public const int MaxTermLength = 256;

    /// <summary>The start of an email address, phone number or name; matched as a prefix, so an index serves it.</summary>
    public string? Term { get; init; }

    public bool LockedOut { get; init; }

    public TwoStepFilter TwoStep { get; init; }

    public bool EmailUnconfirmed { get; init; }

    public bool PhoneUnconfirmed { get; init; }

    public bool HasPasskey { get; init; }

    public UserSort Sort { get; init; }

    public bool Descending { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;
}

/// <summary>One row of the user list.</summary>
public sealed record UserRow(
    string Id,
    string? Email,
    string? DisplayName,
    string? PhoneNumber,
    bool EmailConfirmed,
    bool PhoneNumberConfirmed,
    bool TwoFactorEnabled,
    DateTimeOffset? LockoutEnd,
    bool HasPasskey);

/// <summary>A page of the user list and how many users match in all.</summary>
public sealed record UserSearchResult(IReadOnlyList<UserRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
