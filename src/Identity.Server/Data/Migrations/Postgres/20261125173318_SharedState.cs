using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Identity.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SharedState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClusterLocks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    LeasedUntil = table.Column<long>(type: "bigint", nullable: false),
                    LeaseHolder = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClusterLocks", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "SetupLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    UsedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SetupLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsedPasskeyCeremonies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedPasskeyCeremonies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WindowCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WindowStart = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WindowCounters", x => x.Key);
                });

            migrationBuilder.InsertData(
                table: "ClusterLocks",
                columns: new[] { "Name", "LeaseHolder", "LeasedUntil", "Version" },
                values: new object[,]
                {
                    { "administrators", null, 0L, 0L },
                    { "code-sends", null, 0L, 0L },
                    { "keys", null, 0L, 0L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_SetupLinks_ExpiresAt",
                table: "SetupLinks",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_UsedPasskeyCeremonies_ExpiresAt",
                table: "UsedPasskeyCeremonies",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_WindowCounters_ExpiresAt",
                table: "WindowCounters",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClusterLocks");

            migrationBuilder.DropTable(
                name: "SetupLinks");

            migrationBuilder.DropTable(
                name: "UsedPasskeyCeremonies");

            migrationBuilder.DropTable(
                name: "WindowCounters");
        }
    }
}
