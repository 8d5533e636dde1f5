namespace Vigil.Domain.Telemetry;

/// <summary>An integer field's path, its name in reasons, and its inclusive range written out for people.</summary>
internal readonly record struct IntegerRule(string Field, string Name, long Min, long Max, string Range);
