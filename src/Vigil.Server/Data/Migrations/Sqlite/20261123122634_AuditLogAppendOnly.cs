using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Server.Data.Migrations.Sqlite
{
    /// <summary>The audit log and formal records refuse UPDATE and DELETE in the database itself, not only in the application.</summary>
    public partial class AuditLogAppendOnly : Migration
    {
        private static readonly string[] Tables = ["AuditEntries", "Records", "DecisionActions", "Zones"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_update" BEFORE UPDATE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_delete" BEFORE DELETE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_no_update";""");
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_no_delete";""");
            }
        }
    }
}
