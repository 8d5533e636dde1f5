using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain.Decisions;
using Vigil.Domain.Devices;
using Vigil.Domain.Hotspots;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.People;
using Vigil.Domain.Records;
using Vigil.Domain.Scope;
using Vigil.Domain.Time;
using Vigil.Server.Api;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;
using Vigil.Simulator.Live;

namespace Vigil.Server.Seed;

/// <summary>
/// Creates the demo: Hà Nội with two wards (Hoàn Kiếm, Ba Đình), the C04, PC04 and ward police units, officers
/// of every role, people with active decisions, zones and attached devices, spare stock at the province, a
/// minor with a guardian, four known hotspots — and writes every password and device secret to the credentials file.
/// </summary>
internal sealed class DemoSeeder(VigilDbContext db, AuditLog audit, TimeProvider clock, IOptions<DemoOptions> demo,
    IOptions<StorageOptions> storage, IOptions<DecisionOptions> decisionOptions, ILogger<DemoSeeder> logger)
{
    public const string ProvinceCode = "01";

    private static readonly (string Code, string Name, string Prefix, double Lat, double Lon)[] Wards =
    [
        ("00070", "Phường Hoàn Kiếm", "hk", 21.0288, 105.8525),
        ("00004", "Phường Ba Đình", "bd", 21.0368, 105.8342),
    ];

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thu", "Hữu", "Ngọc"];
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Nam", "Phong", "Quân", "Sơn", "Thảo", "Tuấn", "Việt"];

    private readonly Random _random = new(2026);
    private readonly List<DemoOfficer> _officers = [];
    private readonly List<DemoDevice> _devices = [];
    private readonly List<DemoAccount> _wearers = [];
    private readonly List<DemoAccount> _guardians = [];

    // Unique in the schema: a large demo (the load harness seeds thousands of people) must not draw one twice.
    private readonly HashSet<string> _nationalIds = [];
    private readonly HashSet<string> _decisionNumbers = [];
    private int _nextDecisionNumber = 10_000;

    public string CredentialsPath => Path.Combine(Path.GetFullPath(storage.Value.DataFolder), demo.Value.CredentialsFile);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Units.AnyAsync(ct) || await db.Users.AnyAsync(ct) || await db.People.AnyAsync(ct))
        {
            if (db.Database.IsNpgsql())
            {
                throw new InvalidOperationException(
                    "The demo seed refuses to run against a PostgreSQL database that is not empty. Use an empty database for the demo.");
            }

            logger.DemoAlreadySeeded(CredentialsPath);
            return;
        }

        var now = clock.GetUtcNow();
        var national = Unit.National("Cục Cảnh sát điều tra tội phạm về ma túy (C04)");
        var province = Unit.Provincial("Phòng Cảnh sát điều tra tội phạm về ma túy – Công an TP Hà Nội (PC04)", ProvinceCode);
        db.Units.AddRange(national, province);
        Officer("c04.supervisor", "Giám sát viên C04", Role.NationalSupervisor, national, now);
        Officer("admin", "Quản trị hệ thống", Role.SystemAdministrator, national, now);
        Officer("hn.supervisor", "Giám sát viên PC04 Hà Nội", Role.ProvincialSupervisor, province, now);
        var analyst = Officer("hn.analyst", "Phân tích viên PC04 Hà Nội", Role.ProvincialAnalyst, province, now);
        AddHotspots(analyst, now);
        Officer("hn.logistics", "Hậu cần thiết bị PC04 Hà Nội", Role.DeviceLogistics, province, now);

        var serial = 1;
        var people = 0;
        foreach (var ward in Wards)
        {
            db.Communes.Add(new Commune
            {
                Code = ward.Code,
                Name = ward.Name,
                ProvinceCode = ProvinceCode,
                BoundaryGeoJson = Square(ward.Lat, ward.Lon, 1200),
            });
            var station = Unit.CommuneStation($"Công an {ward.Name.ToLower(CultureInfo.GetCultureInfo("vi-VN"))}", ProvinceCode, ward.Code);
            db.Units.Add(station);
            var chief = Officer($"{ward.Prefix}.chief", $"Trưởng Công an {ward.Name}", Role.CommuneChief, station, now);
            var officers = new[]
            {
                Officer($"{ward.Prefix}.officer1", $"Cán bộ quản lý 1 – {ward.Name}", Role.ManagingOfficer, station, now),
                Officer($"{ward.Prefix}.officer2", $"Cán bộ quản lý 2 – {ward.Name}", Role.ManagingOfficer, station, now),
            };
            for (var i = 0; i < demo.Value.PeoplePerCommune; i++)
            {
                var device = NewDevice(serial++, station.Id, now);
                AddPerson(ward, chief, officers[i % officers.Length], device, minor: i == 1, wearerAccount: i < 2, now);
                people++;
            }
        }

        for (var i = 0; i < 10; i++)
        {
            NewDevice(serial++, province.Id, now);
        }

        audit.Record("demo.seed", "system", null, details: new { officers = _officers.Count, people, devices = _devices.Count });
        await audit.SaveAsync(ct);
        await WriteCredentialsAsync(ct);
        logger.DemoSeeded(_officers.Count, people, _devices.Count, CredentialsPath);
    }

    private void AddPerson((string Code, string Name, string Prefix, double Lat, double Lon) ward, UserAccount chief, UserAccount officer,
        Device device, bool minor, bool wearerAccount, DateTimeOffset now)
    {
        var today = VietnamTime.LocalDate(now);
        var (homeLat, homeLon) = Offset(ward.Lat, ward.Lon, _random.Next(100, 700), _random.NextDouble() * 360);
        var person = new Person
        {
            FullName = $"{Pick(FamilyNames)} {Pick(MiddleNames)} {Pick(GivenNames)}",
            NationalId = NewNationalId(),
            DateOfBirth = minor ? today.AddYears(-16).AddDays(-_random.Next(1, 300)) : today.AddYears(-_random.Next(20, 55)).AddDays(-_random.Next(0, 365)),
            Sex = _random.Next(4) == 0 ? Sex.Female : Sex.Male,
            Phone = $"09{_random.Next(10_000_000, 99_999_999)}",
            Group = (MonitoringGroup)_random.Next(3),
            ResidenceAddress = $"Số {_random.Next(1, 200)}, {ward.Name}, Hà Nội",
            ResidenceLat = homeLat,
            ResidenceLon = homeLon,
            ProvinceCode = ProvinceCode,
            CommuneCode = ward.Code,
            ManagingOfficerId = officer.Id,
            CreatedAt = now,
        };
        if (minor)
        {
            person.Guardians.Add(new Guardian { PersonId = person.Id, FullName = $"{person.FullName.Split(' ')[0]} Văn Bố", Relationship = "Bố", Phone = $"09{_random.Next(10_000_000, 99_999_999)}" });
        }

        db.People.Add(person);
        var start = today.AddDays(-_random.Next(1, 90));
        var decision = MonitoringDecision.Draft(person, NewDecisionNumber(ward.Code, today.Year), minor ? 12 : 24, start,
            officer.Id, officer.Id, now, decisionOptions.Value);
        decision.Sign(chief.Id, now, otherDecisionInForce: false);
        decision.Activate(officer.Id, now);
        db.Decisions.Add(decision);

        var (workLat, workLon) = Offset(ward.Lat, ward.Lon, _random.Next(800, 2000), _random.NextDouble() * 360);
        var versionId = Guid.CreateVersion7();
        db.ScopeVersions.Add(new ScopeVersion
        {
            Id = versionId,
            PersonId = person.Id,
            Number = 1,
            EffectiveFrom = now,
            RecordedAt = now,
            RecordedBy = officer.Id,
            Zones =
            [
                new Zone { ScopeVersionId = versionId, Kind = ZoneKind.Residence, Name = "Nơi cư trú", CenterLat = homeLat, CenterLon = homeLon, RadiusMeters = 150 },
                new Zone
                {
                    ScopeVersionId = versionId, Kind = ZoneKind.Work, Name = "Nơi làm việc", GeometryGeoJson = Square(workLat, workLon, 120),
                    ScheduleJson = WeeklySchedule.Parse([(["monday", "tuesday", "wednesday", "thursday", "friday"], "07:00", "18:00")]).ToJson(),
                },
                new Zone { ScopeVersionId = versionId, Kind = ZoneKind.Travel, Name = "Phạm vi đi lại", CenterLat = ward.Lat, CenterLon = ward.Lon, RadiusMeters = 3000 },
            ],
        });

        device.AssignTo(person.Id);
        db.Records.Add(new FormalRecord
        {
            PersonId = person.Id,
            Kind = RecordKind.Attachment,
            OccurredAt = now,
            RecordedAt = now,
            OfficerId = officer.Id,
            DeviceId = device.Id,
            Position = (BodyPosition)_random.Next(4),
            PlaceDescription = $"Trụ sở Công an {ward.Name}",
            AcknowledgedByWearer = true,
        });
        _devices[^1] = _devices[^1] with { PersonId = person.Id };

        if (wearerAccount)
        {
            var username = $"{ward.Prefix}.wearer{_wearers.Count(w => w.Username.StartsWith(ward.Prefix, StringComparison.Ordinal)) + 1}";
            _wearers.Add(new DemoAccount(username, Account(username, person.FullName, Role.Wearer, person.Id, null, now), person.Id));
        }

        if (minor)
        {
            var username = $"{ward.Prefix}.guardian";
            var password = Account(username, person.Guardians[0].FullName, Role.Guardian, null, person.Id, now, person.Guardians[0]);
            _guardians.Add(new DemoAccount(username, password, person.Id));
        }
    }

    /// <summary>The known venues the simulated fleet's wearers visit (a karaoke, a guesthouse, a bar, an apartment).</summary>
    private void AddHotspots(UserAccount analyst, DateTimeOffset now)
    {
        foreach (var site in Simulator.Scenarios.World.Hotspots)
        {
            db.Hotspots.Add(new Hotspot
            {
                Id = site.Id,
                Name = site.Name,
                Category = site.Category,
                Source = HotspotSource.Registry,
                Status = HotspotStatus.Active,
                CenterLat = site.Centre.Lat,
                CenterLon = site.Centre.Lon,
                RadiusMeters = site.RadiusMeters,
                ProvinceCode = ProvinceCode,
                Notes = "Dữ liệu trình diễn",
                CreatedAt = now,
                CreatedBy = analyst.Id,
            });
        }
    }

    private UserAccount Officer(string username, string name, Role role, Unit unit, DateTimeOffset now)
    {
        var password = Passwords.Generate();
        var user = new UserAccount
        {
            Username = username,
            DisplayName = name,
            Role = role,
            UnitId = unit.Id,
            PasswordHash = PasswordHasher.Hash(password),
            TotpSecret = Totp.NewSecret(),
            CreatedAt = now,
        };
        db.Users.Add(user);
        _officers.Add(new DemoOfficer(username, password, role.ToString(), unit.Name, user.TotpSecret, Totp.Uri(user.TotpSecret, username)));
        return user;
    }

    private string Account(string username, string name, Role role, Guid? personId, Guid? wardId, DateTimeOffset now, Guardian? guardian = null)
    {
        var password = Passwords.Generate();
        var user = new UserAccount
        {
            Username = username,
            DisplayName = name,
            Role = role,
            PersonId = personId,
            WardPersonId = wardId,
            PasswordHash = PasswordHasher.Hash(password),
            CreatedAt = now,
        };
        db.Users.Add(user);
        if (guardian is not null)
        {
            guardian.UserId = user.Id;
        }

        return password;
    }

    private Device NewDevice(int serial, Guid unitId, DateTimeOffset now)
    {
        var serialText = serial.ToString("D6", CultureInfo.InvariantCulture);
        var device = Device.Register($"VG-{serialText}", $"SN{serialText}", $"35{serial:D13}", "Vigil Band 1", "1.4.2", unitId, now);
        var secret = DeviceEndpoints.NewSecret();
        device.Provision(DeviceEndpoints.HashSecret(secret), now);
        db.Devices.Add(device);
        _devices.Add(new DemoDevice(device.DeviceId, secret, null));
        return device;
    }

    private async Task WriteCredentialsAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CredentialsPath)!);
        var credentials = new DemoCredentials(
            "DEMO ONLY — these accounts and device secrets are for the demonstration data set. Never use them in production.",
            _officers, _devices, _wearers, _guardians);
        await File.WriteAllTextAsync(CredentialsPath,
            JsonSerializer.Serialize(credentials, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), ct);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string NewNationalId()
    {
        string id;
        do
        {
            id = $"0010{_random.Next(10_000_000, 99_999_999)}";
        }
        while (!_nationalIds.Add(id));
        return id;
    }

    /// <summary>A random four-digit number as before; past a clash (only in large demos) the next unused five-digit one.</summary>
    private string NewDecisionNumber(string wardCode, int year)
    {
        var number = $"{_random.Next(1000, 9999)}/{year}/QĐ-{wardCode}";
        while (!_decisionNumbers.Add(number))
        {
            number = $"{_nextDecisionNumber++}/{year}/QĐ-{wardCode}";
        }

        return number;
    }

    private static (double Lat, double Lon) Offset(double lat, double lon, double meters, double bearingDegrees)
    {
        var (mx, my) = Domain.Geo.GeoMath.MetersPerDegree(lat);
        var bearing = bearingDegrees * Math.PI / 180;
        return (lat + (meters * Math.Cos(bearing) / my), lon + (meters * Math.Sin(bearing) / mx));
    }

    /// <summary>A square polygon of the given half-side around a point, as GeoJSON.</summary>
    private static string Square(double lat, double lon, double halfSideMeters)
    {
        var (mx, my) = Domain.Geo.GeoMath.MetersPerDegree(lat);
        double dLat = halfSideMeters / my, dLon = halfSideMeters / mx;
        var ring = new[] { (lon - dLon, lat - dLat), (lon + dLon, lat - dLat), (lon + dLon, lat + dLat), (lon - dLon, lat + dLat), (lon - dLon, lat - dLat) };
        return JsonSerializer.Serialize(new { type = "Polygon", coordinates = new[] { ring.Select(p => new[] { Math.Round(p.Item1, 6), Math.Round(p.Item2, 6) }) } });
    }
}
