namespace Vigil.Domain.Telemetry;

/// <summary>A number field's path, its name in reasons, and its inclusive range written out for people.</summary>
internal readonly record struct NumberRule(string Field, string Name, double Min, double Max, string Range);
