namespace Vigil.Domain.Jurisdictions;

/// <summary>One of the 34 provinces and centrally-run cities (2025 boundaries).</summary>
public sealed class Province
{
    public required string Code { get; init; }

    public required string NameVi { get; init; }

    public required string NameEn { get; init; }

    /// <summary>How many communes and wards the official list gives; not the number imported.</summary>
    public int OfficialCommuneCount { get; init; }

    public double CentreLat { get; init; }

    public double CentreLon { get; init; }
}
