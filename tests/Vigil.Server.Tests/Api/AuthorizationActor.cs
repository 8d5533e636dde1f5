namespace Vigil.Server.Tests.Api;

/// <summary>
/// Who calls, in the authorization matrix. The targets live in commune 00070 (Hoàn Kiếm, province 01): "own"
/// actors hold that jurisdiction; "sibling" actors hold the neighbouring one of the same level — the other
/// commune of the province (00004, Ba Đình) or the other province (79, Hồ Chí Minh). National roles have no sibling.
/// </summary>
public enum AuthorizationActor
{
    Anonymous,

    /// <summary>c04.supervisor</summary>
    NationalSupervisor,

    /// <summary>admin (system administrator at C04)</summary>
    NationalAdministrator,

    /// <summary>hn.supervisor</summary>
    ProvincialSupervisor,

    /// <summary>hn.analyst</summary>
    ProvincialAnalyst,

    /// <summary>hn.logistics</summary>
    ProvincialLogistics,

    /// <summary>hn.admin (system administrator at PC04 Hà Nội, made by the test)</summary>
    ProvincialAdministrator,

    /// <summary>hk.chief</summary>
    CommuneChief,

    /// <summary>hk.officer1</summary>
    ManagingOfficer,

    /// <summary>hk.wearer2: the target person (a minor) themself</summary>
    Wearer,

    /// <summary>hk.guardian: the target person's guardian</summary>
    Guardian,

    /// <summary>hcm.supervisor (province 79, made by the test)</summary>
    SiblingProvincialSupervisor,

    /// <summary>hcm.analyst</summary>
    SiblingProvincialAnalyst,

    /// <summary>hcm.logistics</summary>
    SiblingProvincialLogistics,

    /// <summary>hcm.admin</summary>
    SiblingProvincialAdministrator,

    /// <summary>bd.chief (commune 00004, same province)</summary>
    SiblingCommuneChief,

    /// <summary>bd.officer1</summary>
    SiblingManagingOfficer,

    /// <summary>hk.wearer1: another wearer of the same commune</summary>
    OtherWearer,

    /// <summary>bd.guardian: another minor's guardian</summary>
    OtherGuardian,
}
