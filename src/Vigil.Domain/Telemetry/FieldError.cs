namespace Vigil.Domain.Telemetry;

/// <summary>Why one field of a message was refused; becomes a <see cref="Rejection"/> if it survives to the end.</summary>
internal sealed record FieldError(string Field, string Reason);
