using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Identity.Server.Features.Admin.Users;

/// <summary>The user list: search by email, phone or name prefix, filter, sort and page.</summary>
public sealed class UsersModel(UserSearch search, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Term { get; set; }

    [BindProperty(SupportsGet = true, Name = "locked")]
    public bool LockedOut { get; set; }

    [BindProperty(SupportsGet = true, Name = "twostep")]
    public TwoStepFilter TwoStep { get; set; }

    [BindProperty(SupportsGet = true, Name = "emailunconfirmed")]
    public bool EmailUnconfirmed { get; set; }

    [BindProperty(SupportsGet = true, Name = "phoneunconfirmed")]
    public bool PhoneUnconfirmed { get; set; }

    [BindProperty(SupportsGet = true, Name = "passkey")]
    public bool HasPasskey { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public UserSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "desc")]
    public bool Descending { get; set; }

    // Not "page": Razor Pages puts the page's own path in the route value of that name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Set after an account was deleted, to say so.</summary>
    [BindProperty(SupportsGet = true, Name = "deleted")]
    public bool Deleted { get; set; }

    public UserSearchResult Result { get; private set; } = new([], 0, 1, 1);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A malformed parameter (page=abc, sort=x) falls back to its default rather than failing the page.
        var term = Term is { Length: > UserSearchQuery.MaxTermLength } ? Term[..UserSearchQuery.MaxTermLength] : Term;
        Result = await search.SearchAsync(new UserSearchQuery
        {
            Term = term,
            LockedOut = LockedOut,
            TwoStep = Enum.IsDefined(TwoStep) ? TwoStep : TwoStepFilter.Any,
            EmailUnconfirmed = EmailUnconfirmed,
            PhoneUnconfirmed = PhoneUnconfirmed,
            HasPasskey = HasPasskey,
            Sort = Enum.IsDefined(Sort) ? Sort : UserSort.Email,
            Descending = Descending,
            Page = PageNumber,
        }, cancellationToken);
    }

    public bool IsLockedOut(UserRow row) => row.LockoutEnd > time.GetUtcNow();

    /// <summary>This list with the same search and filters, on another page.</summary>
    public string PageLink(int page) => QueryHelpers.AddQueryString("/admin/users", new Dictionary<string, string?>
    {
        ["q"] = Term,
        ["locked"] = LockedOut ? "true" : null,
        ["twostep"] = TwoStep == TwoStepFilter.Any ? null : TwoStep.ToString(),
        ["emailunconfirmed"] = EmailUnconfirmed ? "true" : null,
        ["phoneunconfirmed"] = PhoneUnconfirmed ? "true" : null,
        ["passkey"] = HasPasskey ? "true" : null,
        ["sort"] = Sort == UserSort.Email ? null : Sort.ToString(),
        ["desc"] = Descending ? "true" : null,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(pair => pair.Value is not null));
}
