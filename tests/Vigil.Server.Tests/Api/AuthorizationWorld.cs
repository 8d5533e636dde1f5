using System.Text;
using Vigil.Domain.Devices;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Time;
using Vigil.Server.Api;
using Vigil.Server.Tests.Alerts;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Api.AuthorizationActor;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// What the authorization matrix aims at, all in commune 00070 (Hoàn Kiếm, Hà Nội), and a logged-in client for
/// every actor. Adds the sibling province through the API: commune 26734 of Hồ Chí Minh City (79), its units
/// and officers; and brings the targets into the states the rows need (a signed decision that notified the
/// guardian, pending requests, a person moving to Ba Đình, a proposal, hotspots).
/// </summary>
public sealed class AuthorizationWorld
{
    public const string Commune = "00070";
    public const string SiblingCommune = "00004";

    private readonly Dictionary<AuthorizationActor, (string Username, HttpClient Client)> _actors = [];

    private AuthorizationWorld()
    {
    }

    public DateTimeOffset Now { get; private set; }

    public DateOnly Today => VietnamTime.LocalDate(Now);

    /// <summary>hk.wearer2's person: a minor with a guardian account (hk.guardian) and a device.</summary>
    public Guid Person { get; private set; }

    public Guid Guardian { get; private set; }

    /// <summary>The person's active decision, signed during set-up so that the guardian was notified.</summary>
    public Guid Decision { get; private set; }

    /// <summary>A pending malfunction report of the person.</summary>
    public Guid Request { get; private set; }

    /// <summary>A pending temporary-removal request, for the withdraw row (the first caller allowed withdraws it).</summary>
    public Guid WithdrawableRequest { get; private set; }

    /// <summary>Another person of 00070 whose approved move to 00004 has its departure recorded: the arrival is Ba Đình's to record.</summary>
    public Guid Mover { get; private set; }

    public Guid MoveRequest { get; private set; }

    /// <summary>The device attached to the person, held by the Hoàn Kiếm station.</summary>
    public Guid Device { get; private set; }

    /// <summary>A device in stock at PC04 Hà Nội (a unit without a commune).</summary>
    public Guid StockDevice { get; private set; }

    public Guid Proposal { get; private set; }

    /// <summary>A hotspot of Hà Nội's registry.</summary>
    public Guid Hotspot { get; private set; }

    /// <summary>An entry of the national (C04) registry.</summary>
    public Guid NationalHotspot { get; private set; }

    /// <summary>The guardian's notice of the signed decision.</summary>
    public Guid Notification { get; private set; }

    /// <summary>An open alert (outside the registered area) of the person, routed to the Hoàn Kiếm station.</summary>
    public Guid Alert { get; private set; }

    /// <summary>The Hoàn Kiếm police station.</summary>
    public Guid CommuneUnit { get; private set; }

    /// <summary>PC04 Hà Nội.</summary>
    public Guid ProvinceUnit { get; private set; }

    /// <summary>An officer account of Hoàn Kiếm that no actor uses: the target of unlock, disable and second-factor reset.</summary>
    public Guid SpareOfficer { get; private set; }

    public HttpClient Client(AuthorizationActor actor) => _actors[actor].Client;

    public string Username(AuthorizationActor actor) => _actors[actor].Username;

    public static async Task<AuthorizationWorld> CreateAsync(VigilFixture fixture)
    {
        var world = new AuthorizationWorld();
        await world.LogInDemoActorsAsync(fixture);
        await world.AddSiblingProvinceAsync(fixture);
        await world.PrepareTargetsAsync(fixture);
        world.Now = fixture.Clock.GetUtcNow();
        return world;
    }

    private async Task LogInDemoActorsAsync(VigilFixture fixture)
    {
        _actors[Anonymous] = ("anonymous", fixture.Anonymous());
        foreach (var (actor, username) in new[]
        {
            (NationalSupervisor, "c04.supervisor"), (NationalAdministrator, "admin"), (ProvincialSupervisor, "hn.supervisor"),
            (ProvincialAnalyst, "hn.analyst"), (ProvincialLogistics, "hn.logistics"), (CommuneChief, "hk.chief"),
            (ManagingOfficer, "hk.officer1"), (SiblingCommuneChief, "bd.chief"), (SiblingManagingOfficer, "bd.officer1"),
        })
        {
            _actors[actor] = (username, await fixture.LogInAsync(username));
        }

        foreach (var (actor, account) in new[]
        {
            (Wearer, fixture.Credentials.Wearers.Single(w => w.Username == "hk.wearer2")),
            (OtherWearer, fixture.Credentials.Wearers.Single(w => w.Username == "hk.wearer1")),
            (AuthorizationActor.Guardian, fixture.Credentials.Guardians.Single(g => g.Username == "hk.guardian")),
            (OtherGuardian, fixture.Credentials.Guardians.Single(g => g.Username == "bd.guardian")),
        })
        {
            _actors[actor] = (account.Username, await fixture.LogInAsync(account.Username, account.Password, null));
        }

        Person = fixture.Credentials.Wearers.Single(w => w.Username == "hk.wearer2").PersonId;
        Assert.Equal(Person, fixture.Credentials.Guardians.Single(g => g.Username == "hk.guardian").PersonId);
    }

    private async Task AddSiblingProvinceAsync(VigilFixture fixture)
    {
        var admin = Client(NationalAdministrator);
        var units = await Expect.Json<PageOf<UnitDto>>(await admin.GetAsync("/api/v1/units?pageSize=200"));
        CommuneUnit = units.Items.Single(u => u.CommuneCode == Commune).Id;
        ProvinceUnit = units.Items.Single(u => u.Level == UnitLevel.Provincial && u.ProvinceCode == "01").Id;

        var import = await Expect.Json<ImportResult>(await admin.PostAsync("/api/v1/communes/import",
            new StringContent("code,name,province\n26734,Phường Sài Gòn,79", Encoding.UTF8, "text/csv")));
        Assert.Equal(1, import.Added);
        var hcm = await Expect.Json<UnitDto>(await admin.Post("/api/v1/units",
            new { name = "Phòng Cảnh sát điều tra tội phạm về ma túy – Công an TP Hồ Chí Minh", level = "provincial", provinceCode = "79" }), 201);
        await Expect.Status(await admin.Post("/api/v1/units", new { name = "Công an phường Sài Gòn", level = "commune", communeCode = "26734" }), 201);

        foreach (var (actor, username, role, unit) in new[]
        {
            (ProvincialAdministrator, "hn.admin", "systemAdministrator", ProvinceUnit),
            (SiblingProvincialSupervisor, "hcm.supervisor", "provincialSupervisor", hcm.Id),
            (SiblingProvincialAnalyst, "hcm.analyst", "provincialAnalyst", hcm.Id),
            (SiblingProvincialLogistics, "hcm.logistics", "deviceLogistics", hcm.Id),
            (SiblingProvincialAdministrator, "hcm.admin", "systemAdministrator", hcm.Id),
        })
        {
            var account = await CreateOfficerAsync(admin, username, role, unit);
            _actors[actor] = (username, await fixture.LogInAsync(username, account.InitialPassword!, account.TotpSecret));
        }

        SpareOfficer = (await CreateOfficerAsync(admin, "hk.spare", "managingOfficer", CommuneUnit)).User.Id;
    }

    private async Task PrepareTargetsAsync(VigilFixture fixture)
    {
        var chief = Client(CommuneChief);
        var officer = Client(ManagingOfficer);
        var today = VietnamTime.LocalDate(fixture.Clock.GetUtcNow());

        // Replace the seeded decision by one signed through the API, so that the guardian receives its notice.
        var person = await Expect.Json<PersonDto>(await officer.GetAsync($"/api/v1/persons/{Person}"));
        Guardian = Assert.Single(person.Guardians).Id;
        var seeded = Assert.Single(await Expect.Json<List<DecisionDto>>(await officer.GetAsync($"/api/v1/persons/{Person}/decisions")));
        await Expect.Status(await chief.Post($"/api/v1/decisions/{seeded.Id}/end", new { note = "Thay bằng quyết định mới" }), 200);
        var decision = await officer.DraftDecisionAsync(Person, today);
        await Expect.Status(await chief.PostAsync($"/api/v1/decisions/{decision.Id}/sign", null), 200);
        await Expect.Status(await officer.PostAsync($"/api/v1/decisions/{decision.Id}/activate", null), 200);
        Decision = decision.Id;
        var inbox = await Expect.Json<PageOf<NotificationDto>>(await Client(AuthorizationActor.Guardian).GetAsync("/api/v1/notifications"));
        Notification = Assert.Single(inbox.Items).Id;

        var now = fixture.Clock.GetUtcNow();
        var wearer = Client(Wearer);
        Request = (await Expect.Json<RequestDto>(await wearer.Post($"/api/v1/persons/{Person}/requests/malfunction-report",
            new { reason = "Thiết bị không sạc được", discoveredAt = now }), 201)).Id;
        WithdrawableRequest = (await Expect.Json<RequestDto>(await wearer.Post($"/api/v1/persons/{Person}/requests/temporary-removal",
            new { reason = "Chụp MRI", startsAt = now.AddHours(2), expectedEnd = now.AddHours(6) }), 201)).Id;

        var mover = await officer.ActiveCaseAsync(chief, Commune, today);
        Mover = mover.Id;
        MoveRequest = (await Expect.Json<RequestDto>(await officer.Post($"/api/v1/persons/{Mover}/requests/residence-change",
            new { reason = "Chuyển về ở với gia đình", toCommuneCode = SiblingCommune, newAddress = "Số 5 Đội Cấn, Ba Đình" }), 201)).Id;
        await Expect.Status(await officer.Post($"/api/v1/requests/{MoveRequest}/approve", new { note = "Đồng ý" }), 200);
        await Expect.Status(await officer.Post($"/api/v1/persons/{Mover}/records/residence-departure", new { requestId = MoveRequest }), 201);

        var devices = await Expect.Json<PageOf<DeviceDto>>(await Client(ProvincialLogistics).GetAsync("/api/v1/devices?pageSize=200"));
        Device = devices.Items.Single(d => d.AssignedPersonId == Person).Id;
        StockDevice = devices.Items.First(d => d.HoldingUnitId == ProvinceUnit && d.Status == DeviceStatus.InStock).Id;
        Proposal = (await Expect.Json<ProposalDto>(await chief.Post("/api/v1/device-proposals",
            new { requested = 2, justification = "Người mới" }), 201)).Id;

        Hotspot = (await Expect.Json<HotspotDto>(await Client(ProvincialAnalyst).Post("/api/v1/hotspots", HotspotBody("Karaoke Hàng Bạc")), 201)).Id;
        NationalHotspot = (await Expect.Json<HotspotDto>(await Client(NationalSupervisor).Post("/api/v1/hotspots", HotspotBody("Vũ trường Bờ Hồ")), 201)).Id;
        Alert = (await fixture.RaiseAsync(Person)).Id;
    }

    /// <summary>A karaoke bar near Hoàn Kiếm lake.</summary>
    public static object HotspotBody(string name) =>
        new { name, category = "karaoke", circle = new { lat = 21.0300, lon = 105.8520, radiusMeters = 50 } };

    private static async Task<CreatedAccount> CreateOfficerAsync(HttpClient admin, string username, string role, Guid unit) =>
        await Expect.Json<CreatedAccount>(await admin.Post("/api/v1/users", new { username, displayName = username, role, unitId = unit }), 201);
}
