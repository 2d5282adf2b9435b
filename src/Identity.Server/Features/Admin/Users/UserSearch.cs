using System.Globalization;
using Identity.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Identity.Server.Features.Admin.Users;

/// <summary>
/// The administrators' user search, built so every part can use an index with hundreds of thousands
/// of accounts: terms are prefixes compared as ranges (<c>col &gt;= 'AB' AND col &lt; 'AB\u{10FFFF}'</c>)
/// on Identity's normalized email, the normalized display name or the phone number, never <c>LIKE '%x%'</c>;
/// the page is taken in the database in the order of an index.
/// </summary>
public sealed class UserSearch(ApplicationDbContext db, IOptions<AdminOptions> options, TimeProvider time)
{
    private static readonly string Highest = char.ConvertFromUtf32(0x10FFFF);

    public async Task<UserSearchResult> SearchAsync(UserSearchQuery query, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.PageSize;
        var users = Filter(Match(Base(query), query.Term), query);
        var total = await users.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await Order(users, query)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(user => new UserRow(
                user.Id, user.Email, user.DisplayName, user.PhoneNumber, user.EmailConfirmed, user.PhoneNumberConfirmed,
                user.TwoFactorEnabled, user.LockoutEnd, db.UserPasskeys.Any(passkey => passkey.UserId == user.Id)))
            .ToListAsync(cancellationToken);
        return new UserSearchResult(rows, total, page, pageSize);
    }

    /// <summary>
    /// All accounts, or only those locked out now, on the <c>LockoutEnd</c> index. PostgreSQL compares
    /// <c>timestamp with time zone</c> natively. SQLite stores <see cref="DateTimeOffset"/> as ISO 8601
    /// text that EF Core cannot compare, so there this one condition is SQL; Identity writes lockout ends
    /// in UTC, and UTC values in that form sort as text in time order.
    /// </summary>
    private IQueryable<ApplicationUser> Base(UserSearchQuery query)
    {
        if (!query.LockedOut)
        {
            return db.Users;
        }

        var now = time.GetUtcNow();
        if (!db.Database.IsSqlite())
        {
            return db.Users.Where(user => user.LockoutEnd != null && user.LockoutEnd > now);
        }

        var text = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        return db.Users.FromSql($"""SELECT * FROM "AspNetUsers" WHERE "LockoutEnd" IS NOT NULL AND "LockoutEnd" > {text}""");
    }

    private static IQueryable<ApplicationUser> Match(IQueryable<ApplicationUser> users, string? term)
    {
        term = term?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return users;
        }

        if (term[0] == '+' || char.IsAsciiDigit(term[0]))
        {
            var phone = new string(term.Where(c => c == '+' || char.IsAsciiDigit(c)).ToArray());
            var phoneEnd = phone + Highest;
            return users.Where(user => string.Compare(user.PhoneNumber, phone) >= 0 && string.Compare(user.PhoneNumber, phoneEnd) < 0);
        }

        // Identity normalizes with ToUpperInvariant (UpperInvariantLookupNormalizer); so do names.
        var start = term.ToUpperInvariant();
        var end = start + Highest;
        return term.Contains('@')
            ? users.Where(user => string.Compare(user.NormalizedEmail, start) >= 0 && string.Compare(user.NormalizedEmail, end) < 0)
            : users.Where(user => (string.Compare(user.NormalizedEmail, start) >= 0 && string.Compare(user.NormalizedEmail, end) < 0)
                || (string.Compare(user.NormalizedDisplayName, start) >= 0 && string.Compare(user.NormalizedDisplayName, end) < 0));
    }

    private IQueryable<ApplicationUser> Filter(IQueryable<ApplicationUser> users, UserSearchQuery query)
    {
        if (query.TwoStep != TwoStepFilter.Any)
        {
            var on = query.TwoStep == TwoStepFilter.On;
            users = users.Where(user => user.TwoFactorEnabled == on);
        }

        if (query.EmailUnconfirmed)
        {
            users = users.Where(user => !user.EmailConfirmed);
        }

        if (query.PhoneUnconfirmed)
        {
            users = users.Where(user => user.PhoneNumber != null && !user.PhoneNumberConfirmed);
        }

        return query.HasPasskey ? users.Where(user => db.UserPasskeys.Any(passkey => passkey.UserId == user.Id)) : users;
    }

    private static IQueryable<ApplicationUser> Order(IQueryable<ApplicationUser> users, UserSearchQuery query) => (query.Sort, query.Descending) switch
    {
        (UserSort.Name, false) => users.OrderBy(user => user.NormalizedDisplayName).ThenBy(user => user.NormalizedEmail),
        (UserSort.Name, true) => users.OrderByDescending(user => user.NormalizedDisplayName).ThenByDescending(user => user.NormalizedEmail),
        (UserSort.Phone, false) => users.OrderBy(user => user.PhoneNumber).ThenBy(user => user.NormalizedEmail),
        (UserSort.Phone, true) => users.OrderByDescending(user => user.PhoneNumber).ThenByDescending(user => user.NormalizedEmail),
        (_, true) => users.OrderByDescending(user => user.NormalizedEmail),
        _ => users.OrderBy(user => user.NormalizedEmail),
    };
}
