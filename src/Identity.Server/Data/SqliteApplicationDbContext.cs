using Microsoft.EntityFrameworkCore;

namespace Identity.Server.Data;

/// <summary>The model on SQLite; its migrations are in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteApplicationDbContext(DbContextOptions<SqliteApplicationDbContext> options)
    : ApplicationDbContext(options);
