using Vigil.Domain.Jurisdictions;
using Vigil.Server.Security;

namespace Vigil.Server.Live;

/// <summary>
/// The SignalR groups of the live feed, one per jurisdiction: a push for a person goes to the managing commune's
/// unit, its province and the nation, and every officer who may read the case is in exactly one of those.
/// </summary>
public static class LiveGroups
{
    public const string Nation = "nation";

    public static string Unit(Guid unitId) => $"unit:{unitId}";

    public static string Province(string provinceCode) => $"province:{provinceCode}";

    /// <summary>Where a push about a person of this commune unit and province goes.</summary>
    public static IReadOnlyList<string> Of(Guid unitId, string provinceCode) => [Unit(unitId), Province(provinceCode), Nation];

    /// <summary>
    /// The one group a caller watches: the case readers' jurisdiction. Null for everyone else — wearers,
    /// guardians, device logistics and administrators never see people's positions.
    /// </summary>
    public static string? For(CurrentUser user)
    {
        if (!user.IsAuthenticated || !Access.CaseReaders.Contains(user.Role) || user.Jurisdiction is not { } jurisdiction)
        {
            return null;
        }

        return jurisdiction.Level switch
        {
            UnitLevel.National => Nation,
            UnitLevel.Provincial when jurisdiction.ProvinceCode is { } province => Province(province),
            UnitLevel.Commune when user.UnitId is { } unit => Unit(unit),
            _ => null,
        };
    }
}
