namespace Vigil.Domain.People;

/// <summary>A person on a commune's rehabilitation-management list, who may be placed under monitoring.</summary>
public sealed class Person
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string FullName { get; set; }

    /// <summary>The 12-digit citizen identity number.</summary>
    public required string NationalId { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public Sex Sex { get; set; }

    public string? Phone { get; set; }

    public MonitoringGroup Group { get; set; }

    public required string ResidenceAddress { get; set; }

    public double? ResidenceLat { get; set; }

    public double? ResidenceLon { get; set; }

    public required string ProvinceCode { get; set; }

    /// <summary>The commune whose police station holds the person on its list.</summary>
    public required string CommuneCode { get; set; }

    public Guid? ManagingOfficerId { get; set; }

    public List<Guardian> Guardians { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public long Version { get; set; }

    /// <summary>Age in whole years on <paramref name="date"/>.</summary>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        if (date < DateOfBirth.AddYears(age))
        {
            age--;
        }

        return age;
    }

    /// <summary>Moves the case to another commune; its history stays with the person.</summary>
    public void TransferTo(string provinceCode, string communeCode, Guid? managingOfficerId)
    {
        ProvinceCode = provinceCode;
        CommuneCode = communeCode;
        ManagingOfficerId = managingOfficerId;
    }
}
