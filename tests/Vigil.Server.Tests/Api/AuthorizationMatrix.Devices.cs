using static Vigil.Server.Tests.Api.AuthorizationActor;

namespace Vigil.Server.Tests.Api;

public static partial class AuthorizationMatrix
{
    /// <summary>
    /// DeviceEndpoints.UnitsInJurisdictionAsync compares <c>u.CommuneCode == j.CommuneCode</c>; for a provincial caller
    /// the commune code is null, so the comparison matches every unit without a commune — C04 and every other
    /// province's department — and their devices become visible and writable from the wrong province.
    /// </summary>
    private const string ProvincialStockLeak =
        "DeviceEndpoints.UnitsInJurisdictionAsync: for a provincial caller u.CommuneCode == null matches every provincial unit of every province";

    /// <summary>Devices and proposals: logistics and case readers see the jurisdiction's stock; logistics alone changes it.</summary>
    private static IEnumerable<AuthorizationRow> Devices() =>
    [
        Get("/api/v1/devices").Query("pageSize=200").Showing(w => w.Device).Allowed(OwnDeviceReaders).Filtered(SiblingDeviceReaders),
        Get("/api/v1/devices").Query("pageSize=200").Labelled("Hà Nội's provincial stock").Showing(w => w.StockDevice)
            .Allowed(ProvinceDeviceReaders).Filtered(OwnCaseWorkers).Filtered(SiblingDeviceReaders).Bug(ProvincialStockLeak),
        Post("/api/v1/devices").Json(w => DeviceBody(w.CommuneUnit)).Allowed(ProvincialLogistics).Outside(SiblingProvincialLogistics),
        Post("/api/v1/devices").Labelled("into Hà Nội's provincial stock").Json(w => DeviceBody(w.ProvinceUnit))
            .Allowed(ProvincialLogistics).Outside(SiblingProvincialLogistics).Bug(ProvincialStockLeak),
        Get("/api/v1/devices/{id:guid}", w => [w.Device]).Allowed(OwnDeviceReaders).Hidden(SiblingDeviceReaders),
        Get("/api/v1/devices/{id:guid}", w => [w.StockDevice]).Labelled("Hà Nội's provincial stock")
            .Allowed(ProvinceDeviceReaders).Hidden(OwnCaseWorkers).Hidden(SiblingDeviceReaders).Bug(ProvincialStockLeak),
        Get("/api/v1/devices/{id:guid}/history", w => [w.Device]).Allowed(OwnDeviceReaders).Hidden(SiblingDeviceReaders),
        // Device ingestion authenticates the device by its secret: an officer's or a wearer's token opens nothing.
        Post("/api/v1/devices/{deviceId}/telemetry", _ => ["VG-000001"]).Json(new { seq = 1 }).Unauthenticated(Everyone),
        Post("/api/v1/devices/{id:guid}/provision", w => [w.Device]).Allowed(ProvincialLogistics).Hidden(SiblingProvincialLogistics),
        Post("/api/v1/devices/{id:guid}/provision", w => [w.StockDevice]).Labelled("Hà Nội's provincial stock")
            .Allowed(ProvincialLogistics).Hidden(SiblingProvincialLogistics).Bug(ProvincialStockLeak),
        Post("/api/v1/devices/{id:guid}/status", w => [w.Device]).Json(new { status = "inRepair" })
            .Allowed(ProvincialLogistics).Hidden(SiblingProvincialLogistics),
        Post("/api/v1/devices/{id:guid}/status", w => [w.StockDevice]).Labelled("Hà Nội's provincial stock").Json(new { status = "inRepair" })
            .Allowed(ProvincialLogistics).Hidden(SiblingProvincialLogistics).Bug(ProvincialStockLeak),

        Get("/api/v1/device-proposals").Query("pageSize=200").Showing(w => w.Proposal)
            .Allowed(NationalSupervisor, ProvincialSupervisor, ProvincialLogistics, CommuneChief, ManagingOfficer)
            .Filtered(SiblingProvincialSupervisor, SiblingProvincialLogistics, SiblingCommuneChief, SiblingManagingOfficer),

        // A chief proposes for their own station: the other commune's chief is no intruder here.
        Post("/api/v1/device-proposals").Json(new { requested = 0 }).Allowed(CommuneChief, SiblingCommuneChief),
        Post("/api/v1/device-proposals/{id:guid}/allocate", w => [w.Proposal]).Json(new { count = -1 })
            .Allowed(ProvincialSupervisor, ProvincialLogistics).Hidden(SiblingProvincialSupervisor, SiblingProvincialLogistics),
        Post("/api/v1/device-proposals/{id:guid}/refuse", w => [w.Proposal]).Json(new { count = 0, note = "" })
            .Allowed(ProvincialSupervisor, ProvincialLogistics).Hidden(SiblingProvincialSupervisor, SiblingProvincialLogistics),
    ];

    /// <summary>Hotspots: the national registry is seen by all readers, a province's by that province (its communes included).</summary>
    private static IEnumerable<AuthorizationRow> Hotspots() =>
    [
        Get("/api/v1/hotspots").Query("pageSize=200").Showing(w => w.Hotspot)
            .Allowed(OwnReaders).Allowed(SiblingCaseWorkers).Filtered(SiblingProvince),
        Get("/api/v1/hotspots").Query("pageSize=200").Labelled("national registry").Showing(w => w.NationalHotspot)
            .Allowed(OwnReaders).Allowed(SiblingReaders),
        Post("/api/v1/hotspots").Json(AuthorizationWorld.HotspotBody("")).Allowed(HotspotEditors),
        Get("/api/v1/hotspots/{id:guid}", w => [w.Hotspot]).Allowed(OwnReaders).Allowed(SiblingCaseWorkers).Hidden(SiblingProvince),
        Get("/api/v1/hotspots/{id:guid}", w => [w.NationalHotspot]).Labelled("national registry").Allowed(OwnReaders).Allowed(SiblingReaders),
        Put("/api/v1/hotspots/{id:guid}", w => [w.Hotspot]).Json(AuthorizationWorld.HotspotBody("Karaoke đổi tên"))
            .Allowed(NationalSupervisor, ProvincialSupervisor, ProvincialAnalyst).Hidden(SiblingProvince),
        Put("/api/v1/hotspots/{id:guid}", w => [w.NationalHotspot]).Labelled("national registry").Json(AuthorizationWorld.HotspotBody("Vũ trường đổi tên"))
            .Allowed(NationalSupervisor),
        Post("/api/v1/hotspots/import").Json(new { }).Allowed(HotspotEditors),
    ];

    /// <summary>Each inbox is its owner's alone; the audit log is read at the national level only.</summary>
    private static IEnumerable<AuthorizationRow> Inboxes() =>
    [
        Get("/api/v1/notifications").Showing(w => w.Notification).Filtered(Everyone).Allowed(Guardian),
        Post("/api/v1/notifications/{id:guid}/read", w => [w.Notification]).Hidden(Everyone).Allowed(Guardian),
        Get("/api/v1/audit").Allowed(NationalSupervisor, NationalAdministrator),
        Get("/api/v1/audit/verify").Allowed(NationalSupervisor, NationalAdministrator),
    ];

    /// <summary>A device for the given holding unit, with a blank serial: refused on that field once the unit is accepted.</summary>
    private static object DeviceBody(Guid holdingUnit) =>
        new { serial = "", imei = "860000000000999", model = "Vigil Band 1", firmware = "1.4.2", holdingUnitId = holdingUnit };
}
