using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Domain.Identity;
using Vigil.Domain.People;
using Vigil.Domain.Time;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>People under monitoring: profile, guardians and their log-ins. Every read is audited.</summary>
internal static class PersonEndpoints
{
    public static void MapPersonEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/persons").WithTags("People");
        people.MapGet("", ListAsync);
        people.MapPost("", CreateAsync);
        people.MapGet("/{id:guid}", GetAsync);
        people.MapPut("/{id:guid}", UpdateAsync);
        people.MapPost("/{id:guid}/guardians", AddGuardianAsync);
        people.MapPost("/{id:guid}/account", CreateWearerAccountAsync);
        people.MapPost("/{id:guid}/guardians/{guardianId:guid}/account", CreateGuardianAccountAsync);
    }

    private static async Task<PageOf<PersonSummary>> ListAsync(VigilDbContext db, Access access, AuditLog audit, string? communeCode,
        string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var query = access.People(db.People.AsNoTracking());
        if (communeCode is not null)
        {
            query = query.Where(p => p.CommuneCode == communeCode);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(p => p.FullName.Contains(search) || p.NationalId == search);
        }

        var result = await query.OrderBy(p => p.FullName).ThenBy(p => p.Id).ToPageAsync(page, pageSize, PersonSummary.From, ct);
        audit.Record("person.list", "person", null, details: new { result.Page, result.PageSize, ids = result.Items.Select(i => i.Id) });
        await audit.SaveAsync(ct);
        return result;
    }

    private static async Task<IResult> CreateAsync(PersonRequest request, HttpContext http, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        access.Require(Access.CaseWorkers);
        var communeCode = request.CommuneCode ?? access.Jurisdiction.CommuneCode;
        var commune = await db.Communes.AsNoTracking().SingleOrDefaultAsync(c => c.Code == communeCode, ct)
            ?? throw new DomainException("communeCode", "unknown-commune", $"There is no commune '{communeCode}'.");
        if (!access.Covers(commune.ProvinceCode, commune.Code))
        {
            throw new DomainException("communeCode", "outside-jurisdiction", "You can register people only in your own commune.");
        }

        var now = clock.GetUtcNow();
        var nationalId = Check.NationalId(request.NationalId);
        if (await db.People.AnyAsync(p => p.NationalId == nationalId, ct))
        {
            throw new DomainException("nationalId", "duplicate", "A person with this identity number is already registered.");
        }

        var person = new Person
        {
            FullName = Check.Text(request.FullName, "fullName", 150),
            NationalId = nationalId,
            ResidenceAddress = Check.Text(request.ResidenceAddress, "residenceAddress", 300),
            ProvinceCode = commune.ProvinceCode,
            CommuneCode = commune.Code,
            CreatedAt = now,
        };
        Apply(person, request, now);
        person.ManagingOfficerId = await CheckOfficerAsync(db, request.ManagingOfficerId, commune.Code, ct);
        foreach (var (guardian, i) in (request.Guardians ?? []).Select((g, i) => (g, i)))
        {
            person.Guardians.Add(NewGuardian(person.Id, guardian ?? throw Check.Missing($"guardians[{i}]"), $"guardians[{i}]"));
        }

        db.People.Add(person);
        audit.Record("person.create", "person", person.Id, person.Id);
        await audit.SaveAsync(ct);
        http.SetETag(person.Version);
        return TypedResults.Created($"/api/v1/persons/{person.Id}", PersonDto.From(person));
    }

    private static async Task<PersonDto> GetAsync(Guid id, HttpContext http, VigilDbContext db, Access access, AuditLog audit, CancellationToken ct)
    {
        var person = await FindAsync(db, id, ct);
        access.EnsureCanRead(person);
        audit.Record("person.read", "person", person.Id, person.Id);
        await audit.SaveAsync(ct);
        http.SetETag(person.Version);
        return PersonDto.From(person);
    }

    private static async Task<PersonDto> UpdateAsync(Guid id, PersonRequest request, HttpContext http, VigilDbContext db, Access access,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var person = await FindAsync(db, id, ct);
        access.EnsureCaseWorker(person);
        http.RequireVersion(person.Version);
        if (request.CommuneCode is not null && request.CommuneCode != person.CommuneCode)
        {
            throw new DomainException("communeCode", "use-residence-change", "A move to another commune goes through a residence-change request.");
        }

        var nationalId = Check.NationalId(request.NationalId);
        if (nationalId != person.NationalId && await db.People.AnyAsync(p => p.NationalId == nationalId, ct))
        {
            throw new DomainException("nationalId", "duplicate", "A person with this identity number is already registered.");
        }

        person.FullName = Check.Text(request.FullName, "fullName", 150);
        person.NationalId = nationalId;
        person.ResidenceAddress = Check.Text(request.ResidenceAddress, "residenceAddress", 300);
        Apply(person, request, clock.GetUtcNow());
        person.ManagingOfficerId = await CheckOfficerAsync(db, request.ManagingOfficerId, person.CommuneCode, ct);
        audit.Record("person.update", "person", person.Id, person.Id);
        await audit.SaveAsync(ct);
        http.SetETag(person.Version);
        return PersonDto.From(person);
    }

    private static async Task<IResult> AddGuardianAsync(Guid id, GuardianRequest request, VigilDbContext db, Access access, AuditLog audit,
        CancellationToken ct)
    {
        var person = await FindAsync(db, id, ct);
        access.EnsureCaseWorker(person);
        var guardian = NewGuardian(person.Id, request, "");
        db.Guardians.Add(guardian);
        audit.Record("guardian.create", "guardian", guardian.Id, person.Id);
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/persons/{person.Id}", GuardianDto.From(guardian));
    }

    private static async Task<IResult> CreateWearerAccountAsync(Guid id, AccountRequest request, VigilDbContext db, Access access,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var person = await FindAsync(db, id, ct);
        access.EnsureCaseWorker(person);
        if (await db.Users.AnyAsync(u => u.PersonId == person.Id, ct))
        {
            throw new InvalidTransitionException("personId", "account-exists", "This person already has an account.");
        }

        return await CreateAccountAsync(db, audit, clock, request.Username, person.FullName, Role.Wearer, person.Id, null, person.Id, ct);
    }

    private static async Task<IResult> CreateGuardianAccountAsync(Guid id, Guid guardianId, AccountRequest request, VigilDbContext db,
        Access access, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var person = await FindAsync(db, id, ct);
        access.EnsureCaseWorker(person);
        var guardian = person.Guardians.SingleOrDefault(g => g.Id == guardianId)
            ?? throw new NotFoundException("guardianId", "This person has no such guardian.");
        if (guardian.UserId is not null)
        {
            throw new InvalidTransitionException("guardianId", "account-exists", "This guardian already has an account.");
        }

        var result = await CreateAccountAsync(db, audit, clock, request.Username, guardian.FullName, Role.Guardian, null, person.Id, person.Id, ct,
            user => guardian.UserId = user.Id);
        return result;
    }

    private static async Task<IResult> CreateAccountAsync(VigilDbContext db, AuditLog audit, TimeProvider clock, string? username,
        string displayName, Role role, Guid? personId, Guid? wardId, Guid auditPerson, CancellationToken ct, Action<UserAccount>? link = null)
    {
        var password = Passwords.Generate();
        var user = new UserAccount
        {
            Username = await UserEndpoints.UniqueUsernameAsync(db, username, ct),
            DisplayName = displayName,
            Role = role,
            PersonId = personId,
            WardPersonId = wardId,
            PasswordHash = PasswordHasher.Hash(password),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        link?.Invoke(user);
        audit.Record("user.create", "user", user.Id, auditPerson, new { user.Username, role });
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/users/{user.Id}", new CreatedAccount(UserDto.From(user), password, null, null));
    }

    internal static async Task<Person> FindAsync(VigilDbContext db, Guid id, CancellationToken ct) =>
        await db.People.Include(p => p.Guardians).SingleOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new NotFoundException("id", "There is no such person.");

    private static void Apply(Person person, PersonRequest request, DateTimeOffset now)
    {
        var today = VietnamTime.LocalDate(now);
        if (request.DateOfBirth > today || request.DateOfBirth < today.AddYears(-120))
        {
            throw new DomainException("dateOfBirth", "impossible-date", $"The date of birth {request.DateOfBirth:yyyy-MM-dd} is impossible.");
        }

        Check.Position(request.ResidenceLat, request.ResidenceLon, "residenceLat", "residenceLon");
        person.DateOfBirth = request.DateOfBirth;
        person.Sex = Check.Defined(request.Sex ?? throw Check.Missing("sex"), "sex");
        person.Group = Check.Defined(request.Group ?? throw Check.Missing("group"), "group");
        person.Phone = Check.Phone(request.Phone, "phone");
        person.ResidenceLat = request.ResidenceLat;
        person.ResidenceLon = request.ResidenceLon;
    }

    /// <summary>The managing officer (or chief) of a commune, by id; null stays null.</summary>
    internal static async Task<Guid?> CheckOfficerAsync(VigilDbContext db, Guid? officerId, string communeCode, CancellationToken ct)
    {
        if (officerId is null)
        {
            return null;
        }

        var ok = await db.Users.Where(u => u.Id == officerId && (u.Role == Role.ManagingOfficer || u.Role == Role.CommuneChief))
            .Join(db.Units, u => u.UnitId, unit => unit.Id, (u, unit) => unit.CommuneCode)
            .AnyAsync(c => c == communeCode, ct);
        return ok ? officerId : throw new DomainException("managingOfficerId", "not-an-officer-of-the-commune",
            "The managing officer must be an officer of the person's commune.");
    }

    private static Guardian NewGuardian(Guid personId, GuardianRequest request, string prefix)
    {
        var p = prefix.Length == 0 ? "" : prefix + ".";
        return new Guardian
        {
            PersonId = personId,
            FullName = Check.Text(request.FullName, p + "fullName", 150),
            Relationship = Check.Text(request.Relationship, p + "relationship", 60),
            Phone = Check.Phone(request.Phone, p + "phone") ?? throw new DomainException(p + "phone", "required", "A guardian needs a phone number."),
            Address = Check.Optional(request.Address, p + "address", 300),
        };
    }
}

public sealed record PersonRequest(
    string FullName, string NationalId, DateOnly DateOfBirth, Sex? Sex, string? Phone, MonitoringGroup? Group, string ResidenceAddress,
    double? ResidenceLat, double? ResidenceLon, string? CommuneCode, Guid? ManagingOfficerId, IReadOnlyList<GuardianRequest>? Guardians);

public sealed record GuardianRequest(string FullName, string Relationship, string Phone, string? Address);

public sealed record AccountRequest(string Username);

public sealed record GuardianDto(Guid Id, string FullName, string Relationship, string Phone, string? Address, Guid? UserId)
{
    public static GuardianDto From(Guardian g) => new(g.Id, g.FullName, g.Relationship, g.Phone, g.Address, g.UserId);
}

public sealed record PersonSummary(Guid Id, string FullName, MonitoringGroup Group, string ProvinceCode, string CommuneCode, Guid? ManagingOfficerId)
{
    public static PersonSummary From(Person p) => new(p.Id, p.FullName, p.Group, p.ProvinceCode, p.CommuneCode, p.ManagingOfficerId);
}

public sealed record PersonDto(
    Guid Id, string FullName, string NationalId, DateOnly DateOfBirth, Sex Sex, string? Phone, MonitoringGroup Group,
    string ResidenceAddress, double? ResidenceLat, double? ResidenceLon, string ProvinceCode, string CommuneCode, Guid? ManagingOfficerId,
    IReadOnlyList<GuardianDto> Guardians, long Version)
{
    public static PersonDto From(Person p) => new(p.Id, p.FullName, p.NationalId, p.DateOfBirth, p.Sex, p.Phone, p.Group,
        p.ResidenceAddress, p.ResidenceLat, p.ResidenceLon, p.ProvinceCode, p.CommuneCode, p.ManagingOfficerId,
        p.Guardians.Select(GuardianDto.From).ToList(), p.Version);
}
