using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Server.Data.Migrations.Postgres
{
    /// <summary>
    /// Notes on alerts refuse UPDATE, DELETE and TRUNCATE in the database itself, like the audit log; the function
    /// vigil_append_only() comes from AuditLogAppendOnly (hand-written: keep when regenerating).
    /// </summary>
    public partial class AlertNotesAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "AlertNotes_append_only" BEFORE UPDATE OR DELETE ON "AlertNotes"
                FOR EACH ROW EXECUTE FUNCTION vigil_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AlertNotes_no_truncate" BEFORE TRUNCATE ON "AlertNotes"
                FOR EACH STATEMENT EXECUTE FUNCTION vigil_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "AlertNotes_append_only" ON "AlertNotes";""");
            migrationBuilder.Sql("""DROP TRIGGER "AlertNotes_no_truncate" ON "AlertNotes";""");
        }
    }
}
