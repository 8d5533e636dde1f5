using BenchmarkDotNet.Attributes;
using Npgsql;

namespace Vigil.Benchmarks;

/// <summary>
/// P5's comparison: the same zone and hotspot check as <see cref="ZoneCheckBenchmarks"/>, on the same data, asked of
/// PostGIS — <c>ST_Contains</c> against the person's 10 zones and a GiST-indexed table of 100,000 hotspots, one
/// prepared statement per fix over loopback, as a server checking each fix in the database would. Circles are
/// stored as PostGIS buffers of their centre (geography, so the radius is in metres). Needs
/// <c>VIGIL_BENCH_POSTGRES</c>: a connection string to a database where it may create the PostGIS extension and its
/// two tables (<c>p5_zones</c>, <c>p5_hotspots</c>, replaced on each run).
/// </summary>
[MemoryDiagnoser]
public class ZoneCheckPostGisBenchmarks
{
    private NpgsqlDataSource? _source;
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _check;
    private (double Lat, double Lon)[] _fixes = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var connectionString = Environment.GetEnvironmentVariable("VIGIL_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("VIGIL_BENCH_POSTGRES is not set: a connection string to a PostgreSQL database with PostGIS available.");
        var data = P5Data.Create();
        _fixes = data.Fixes;
        _source = NpgsqlDataSource.Create(connectionString);
        _connection = _source.OpenConnection();
        Execute("""
            CREATE EXTENSION IF NOT EXISTS postgis;
            DROP TABLE IF EXISTS p5_zones, p5_hotspots;
            CREATE TABLE p5_zones (id int PRIMARY KEY, geom geometry(Polygon, 4326) NOT NULL);
            CREATE TABLE p5_hotspots (id int PRIMARY KEY, geom geometry(Polygon, 4326) NOT NULL);
            """);
        Load("p5_zones", data.Zones.Select(z => (z.Lat, z.Lon, z.RadiusMeters, z.GeoJson)));
        Load("p5_hotspots", data.Hotspots.Select(h => (h.Lat, h.Lon, h.RadiusMeters, (string?)null)));
        Execute("CREATE INDEX ON p5_hotspots USING gist (geom); ANALYZE p5_zones; ANALYZE p5_hotspots;");
        _check = new NpgsqlCommand("""
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS g)
            SELECT (SELECT count(*) FROM p5_zones z, p WHERE ST_Contains(z.geom, p.g)),
                   (SELECT h.id FROM p5_hotspots h, p WHERE ST_Contains(h.geom, p.g) LIMIT 1)
            """, _connection)
        {
            Parameters = { new NpgsqlParameter<double> { TypedValue = 0 }, new NpgsqlParameter<double> { TypedValue = 0 } },
        };
        _check.Prepare();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _check?.Dispose();
        _connection?.Dispose();
        _source?.Dispose();
    }

    [Benchmark(Description = "PostGIS ST_Contains: 10 zones + 100,000 hotspots, one query per fix")]
    public long ZonesAndHotspots()
    {
        var (lat, lon) = _fixes[_next++ & 4095];
        ((NpgsqlParameter<double>)_check!.Parameters[0]).TypedValue = lon;
        ((NpgsqlParameter<double>)_check.Parameters[1]).TypedValue = lat;
        using var reader = _check.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0) + (reader.IsDBNull(1) ? 0 : 1);
    }

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Circles as metre buffers of their centre, polygons from their GeoJSON; ids in order. Staged by binary COPY.</summary>
    private void Load(string table, IEnumerable<(double Lat, double Lon, double RadiusMeters, string? GeoJson)> shapes)
    {
        Execute("CREATE TEMP TABLE p5_load (id int, lat float8, lon float8, radius float8, geojson text)");
        using (var import = _connection!.BeginBinaryImport("COPY p5_load (id, lat, lon, radius, geojson) FROM STDIN (FORMAT BINARY)"))
        {
            var id = 0;
            foreach (var (lat, lon, radius, geoJson) in shapes)
            {
                import.StartRow();
                import.Write(id++);
                import.Write(lat);
                import.Write(lon);
                import.Write(radius);
                import.Write(geoJson, NpgsqlTypes.NpgsqlDbType.Text);
            }

            import.Complete();
        }

        Execute($"""
            INSERT INTO {table} (id, geom)
            SELECT id, CASE WHEN geojson IS NULL
                THEN ST_Buffer(ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, radius)::geometry
                ELSE ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326) END
            FROM p5_load;
            DROP TABLE p5_load;
            """);
    }
}
