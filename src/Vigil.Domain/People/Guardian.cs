namespace Vigil.Domain.People;

/// <summary>A parent or guardian of a person; required for a person aged 12 to under 18.</summary>
public sealed class Guardian
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; init; }

    public required string FullName { get; set; }

    public required string Relationship { get; set; }

    public required string Phone { get; set; }

    public string? Address { get; set; }

    /// <summary>The guardian's own log-in, when they have one.</summary>
    public Guid? UserId { get; set; }
}
