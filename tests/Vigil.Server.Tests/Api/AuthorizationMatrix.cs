using static Vigil.Server.Tests.Api.AuthorizationActor;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// The authorization matrix: one row per endpoint (several where the target or route value matters), each
/// naming who passes authorization, who sees a filtered list, and who is told the target does not exist.
/// Everyone else is refused by role (403) and the anonymous caller must log in (401).
/// State changes carry bodies that fail harmlessly once past authorization (an empty field, a stale If-Match),
/// so that no cell changes what another cell relies on.
/// </summary>
public static partial class AuthorizationMatrix
{
    /// <summary>Every signed-in actor.</summary>
    private static readonly AuthorizationActor[] Everyone = [.. Enum.GetValues<AuthorizationActor>().Where(a => a != Anonymous)];

    /// <summary>Officers whose jurisdiction covers commune 00070: the nation, Hà Nội, Hoàn Kiếm.</summary>
    private static readonly AuthorizationActor[] OwnOfficers =
    [
        NationalSupervisor, NationalAdministrator, ProvincialSupervisor, ProvincialAnalyst, ProvincialLogistics, ProvincialAdministrator,
        CommuneChief, ManagingOfficer,
    ];

    /// <summary>Officers of Hồ Chí Minh City and of Ba Đình.</summary>
    private static readonly AuthorizationActor[] SiblingOfficers =
    [
        SiblingProvincialSupervisor, SiblingProvincialAnalyst, SiblingProvincialLogistics, SiblingProvincialAdministrator,
        SiblingCommuneChief, SiblingManagingOfficer,
    ];

    private static readonly AuthorizationActor[] Officers = [.. OwnOfficers, .. SiblingOfficers];

    /// <summary>The roles that read cases (Access.CaseReaders), holding the target's jurisdiction.</summary>
    private static readonly AuthorizationActor[] OwnReaders = [NationalSupervisor, ProvincialSupervisor, ProvincialAnalyst, CommuneChief, ManagingOfficer];

    private static readonly AuthorizationActor[] SiblingReaders =
        [SiblingProvincialSupervisor, SiblingProvincialAnalyst, SiblingCommuneChief, SiblingManagingOfficer];

    /// <summary>The roles that run cases (Access.CaseWorkers): the commune's chief and managing officers.</summary>
    private static readonly AuthorizationActor[] OwnCaseWorkers = [CommuneChief, ManagingOfficer];

    private static readonly AuthorizationActor[] SiblingCaseWorkers = [SiblingCommuneChief, SiblingManagingOfficer];

    private static readonly AuthorizationActor[] OwnDeviceReaders = [.. OwnReaders, ProvincialLogistics];

    private static readonly AuthorizationActor[] SiblingDeviceReaders = [.. SiblingReaders, SiblingProvincialLogistics];

    /// <summary>Officers who see Hà Nội's provincial units (not the communes' officers).</summary>
    private static readonly AuthorizationActor[] ProvinceDeviceReaders = [NationalSupervisor, ProvincialSupervisor, ProvincialAnalyst, ProvincialLogistics];

    private static readonly AuthorizationActor[] Administrators = [NationalAdministrator, ProvincialAdministrator];

    private static readonly AuthorizationActor[] HotspotEditors =
        [NationalSupervisor, ProvincialSupervisor, ProvincialAnalyst, SiblingProvincialSupervisor, SiblingProvincialAnalyst];

    private static readonly AuthorizationActor[] SiblingProvince = [SiblingProvincialSupervisor, SiblingProvincialAnalyst];

    /// <summary>The rows, in the order the API maps its areas.</summary>
    public static IReadOnlyList<AuthorizationRow> Rows() =>
    [
        .. Identity(), .. People(), .. Decisions(), .. Records(), .. Requests(), .. Devices(), .. Hotspots(), .. Inboxes(), .. Alerts(),
        .. Tracking(), .. Live(), .. Intelligence(),
    ];

    private static AuthorizationRow Get(string route, Func<AuthorizationWorld, object[]>? arguments = null) => AuthorizationRow.Get(route, arguments);

    private static AuthorizationRow Post(string route, Func<AuthorizationWorld, object[]>? arguments = null) => AuthorizationRow.Post(route, arguments);

    private static AuthorizationRow Put(string route, Func<AuthorizationWorld, object[]>? arguments = null) => AuthorizationRow.Put(route, arguments);
}
