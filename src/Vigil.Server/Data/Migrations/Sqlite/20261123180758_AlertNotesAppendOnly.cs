using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Server.Data.Migrations.Sqlite
{
    /// <summary>Notes on alerts refuse UPDATE and DELETE in the database itself, like the audit log (hand-written: keep when regenerating).</summary>
    public partial class AlertNotesAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "AlertNotes_no_update" BEFORE UPDATE ON "AlertNotes"
                BEGIN SELECT RAISE(ABORT, 'AlertNotes is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AlertNotes_no_delete" BEFORE DELETE ON "AlertNotes"
                BEGIN SELECT RAISE(ABORT, 'AlertNotes is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "AlertNotes_no_update";""");
            migrationBuilder.Sql("""DROP TRIGGER "AlertNotes_no_delete";""");
        }
    }
}
