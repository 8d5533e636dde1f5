using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vigil.LoadHarness;

/// <summary>Reads the server's database directly: the wearers' residences before the run, the stored telemetry after it.</summary>
internal sealed class TelemetryStore(string? sqlitePath, string? postgres)
{
    public async Task<Dictionary<Guid, (double Lat, double Lon)>> ResidencesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "ResidenceLat", "ResidenceLon" FROM "People" WHERE "ResidenceLat" IS NOT NULL""";
        var residences = new Dictionary<Guid, (double, double)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetValue(0) is Guid guid ? guid : Guid.Parse(reader.GetString(0));
            residences[id] = (reader.GetDouble(1), reader.GetDouble(2));
        }

        return residences;
    }

    /// <summary>Rows in "Telemetry", and distinct (device, seq) pairs among them (equal when nothing is duplicated).</summary>
    public async Task<(long Rows, long Distinct)> CountTelemetryAsync()
    {
        await using var connection = await OpenAsync();
        return (await ScalarAsync(connection, """SELECT COUNT(*) FROM "Telemetry" """),
            await ScalarAsync(connection, """SELECT COUNT(*) FROM (SELECT DISTINCT "DeviceId", "Seq" FROM "Telemetry") d"""));
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 120;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = postgres is not null
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
