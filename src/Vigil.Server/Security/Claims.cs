namespace Vigil.Server.Security;

/// <summary>The claim names Vigil puts in its bearer tokens.</summary>
internal static class VigilClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Level = "level";
    public const string Province = "province";
    public const string Commune = "commune";
    public const string Unit = "unit";
    public const string Person = "person";
    public const string Ward = "ward";

    /// <summary>Marks the short-lived token that only allows the second log-in step.</summary>
    public const string Purpose = "purpose";
    public const string SecondFactorPurpose = "second-factor";
    public const string AccessPurpose = "access";
}
