using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Server.Data.Migrations.Postgres
{
    /// <summary>The audit log and formal records refuse UPDATE, DELETE and TRUNCATE in the database itself, not only in the application.</summary>
    public partial class AuditLogAppendOnly : Migration
    {
        private static readonly string[] Tables = ["AuditEntries", "Records", "DecisionActions", "Zones"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION vigil_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
                END $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}"
                    FOR EACH ROW EXECUTE FUNCTION vigil_append_only();
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_truncate" BEFORE TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION vigil_append_only();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_append_only" ON "{table}";""");
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_no_truncate" ON "{table}";""");
            }

            migrationBuilder.Sql("DROP FUNCTION vigil_append_only();");
        }
    }
}
