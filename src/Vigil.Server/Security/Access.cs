using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.People;
using Vigil.Server.Api;

namespace Vigil.Server.Security;

/// <summary>
/// Role and jurisdiction checks, in one place. A caller without the role gets 403; a record outside the
/// caller's jurisdiction is reported as not found (404), so that its existence does not leak either.
/// </summary>
public sealed class Access(CurrentUser user)
{
    /// <summary>Officers who may read a person's personal data within their jurisdiction.</summary>
    public static readonly Role[] CaseReaders =
        [Role.NationalSupervisor, Role.ProvincialSupervisor, Role.ProvincialAnalyst, Role.CommuneChief, Role.ManagingOfficer];

    /// <summary>
    /// Officers who may search everyone's whereabouts (who was near a place, who was with a person) within their
    /// jurisdiction: the supervisors and analysts above the communes, and the commune's chief — not every managing officer.
    /// </summary>
    public static readonly Role[] Investigators =
        [Role.NationalSupervisor, Role.ProvincialSupervisor, Role.ProvincialAnalyst, Role.CommuneChief];

    /// <summary>Officers who run cases day to day at the commune.</summary>
    public static readonly Role[] CaseWorkers = [Role.CommuneChief, Role.ManagingOfficer];

    public static readonly Role[] Officers =
        [.. Enum.GetValues<Role>().Where(r => r.IsOfficer())];

    public CurrentUser User => user;

    public Jurisdiction Jurisdiction => user.Jurisdiction ?? throw Forbidden();

    public void Require(params Role[] roles)
    {
        if (!user.IsAuthenticated || !roles.Contains(user.Role))
        {
            throw Forbidden();
        }
    }

    public bool Covers(string provinceCode, string communeCode) =>
        user.Jurisdiction is { } j && j.Covers(provinceCode, communeCode);

    /// <summary>Officers may list people only within their jurisdiction.</summary>
    public IQueryable<Person> People(IQueryable<Person> people)
    {
        Require(CaseReaders);
        var j = Jurisdiction;
        return j.Level switch
        {
            UnitLevel.National => people,
            UnitLevel.Provincial => people.Where(p => p.ProvinceCode == j.ProvinceCode),
            _ => people.Where(p => p.CommuneCode == j.CommuneCode),
        };
    }

    /// <summary>Reading the person's profile, case and records: officers of the jurisdiction, or the wearer themself.</summary>
    public void EnsureCanRead(Person person)
    {
        if (user.Role == Role.Wearer && user.PersonId == person.Id)
        {
            return;
        }

        Require(CaseReaders);
        EnsureCovers(person);
    }

    /// <summary>What a guardian may see: the ward's decision and notifications; plus everyone who may read the case.</summary>
    public void EnsureCanReadDecisions(Person person)
    {
        if (user.Role == Role.Guardian && user.WardPersonId == person.Id)
        {
            return;
        }

        EnsureCanRead(person);
    }

    /// <summary>Changing a case: the commune's chief and managing officers.</summary>
    public void EnsureCaseWorker(Person person)
    {
        Require(CaseWorkers);
        EnsureCovers(person);
    }

    /// <summary>Signing: only the chief of the commune that holds the person.</summary>
    public void EnsureChiefOf(Person person)
    {
        Require(Role.CommuneChief);
        EnsureCovers(person);
    }

    /// <summary>Making a request: the wearer for themself, or a case worker on their behalf.</summary>
    public void EnsureCanRequest(Person person)
    {
        if (user.Role == Role.Wearer && user.PersonId == person.Id)
        {
            return;
        }

        EnsureCaseWorker(person);
    }

    public void EnsureCovers(Person person)
    {
        if (!Covers(person.ProvinceCode, person.CommuneCode))
        {
            throw new NotFoundException("personId", "No such person in your jurisdiction.");
        }
    }

    public static ForbiddenException Forbidden() => new("Your role does not allow this.");
}
