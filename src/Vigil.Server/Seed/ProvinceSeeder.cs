using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Jurisdictions;
using Vigil.Server.Data;

namespace Vigil.Server.Seed;

/// <summary>
/// Seeds the 34 provinces (2025 boundaries) from the embedded CSV of open-admin-data/vietnam-administrative-divisions
/// (CC-BY-4.0). Runs at every start; adds only what is missing.
/// </summary>
internal sealed class ProvinceSeeder(VigilDbContext db)
{
    public const string Credit = "Provinces: open-admin-data/vietnam-administrative-divisions, CC-BY-4.0";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Provinces.Select(p => p.Code).ToListAsync(cancellationToken);
        var added = false;
        foreach (var province in Read())
        {
            if (!existing.Contains(province.Code))
            {
                db.Provinces.Add(province);
                added = true;
            }
        }

        if (added)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static IReadOnlyList<Province> Read()
    {
        using var stream = typeof(ProvinceSeeder).Assembly.GetManifestResourceStream("provinces-2025.csv")
            ?? throw new InvalidOperationException("The embedded province list is missing.");
        using var reader = new StreamReader(stream);
        var provinces = new List<Province>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var f = line.Split(',');
            provinces.Add(new Province
            {
                Code = f[0],
                NameVi = f[1],
                NameEn = f[2],
                OfficialCommuneCount = int.Parse(f[3], CultureInfo.InvariantCulture),
                CentreLat = double.Parse(f[4], CultureInfo.InvariantCulture),
                CentreLon = double.Parse(f[5], CultureInfo.InvariantCulture),
            });
        }

        return provinces;
    }
}
