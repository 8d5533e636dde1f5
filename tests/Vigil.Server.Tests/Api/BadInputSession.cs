using System.Runtime.CompilerServices;
using Vigil.Domain.Decisions;
using Vigil.Domain.Time;
using Vigil.Server.Api;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// The logged-in clients and the demo records the bad requests aim at, made once per server: logging in
/// hashes a password and moves the fake clock, so the cases of a suite share them.
/// </summary>
public sealed class BadInputSession
{
    private static readonly ConditionalWeakTable<VigilFixture, Task<BadInputSession>> Sessions = [];

    private Task<Guid>? _signedPerson;

    private BadInputSession(VigilFixture fixture) => Fixture = fixture;

    public VigilFixture Fixture { get; }

    public HttpClient Anonymous { get; private init; } = null!;

    /// <summary>hk.officer1, a managing officer of commune 00070.</summary>
    public HttpClient Officer { get; private init; } = null!;

    /// <summary>hk.chief, who signs for commune 00070.</summary>
    public HttpClient Chief { get; private init; } = null!;

    /// <summary>hn.analyst, who maintains the hotspots of province 01.</summary>
    public HttpClient Analyst { get; private init; } = null!;

    /// <summary>hn.logistics, who keeps the devices of province 01.</summary>
    public HttpClient Logistics { get; private init; } = null!;

    /// <summary>admin, the national system administrator.</summary>
    public HttpClient Admin { get; private init; } = null!;

    /// <summary>An adult of commune 00070 from the demo: an active decision, a scope, a device attached.</summary>
    public PersonDto Person { get; private init; } = null!;

    /// <summary>The person's active decision.</summary>
    public Guid DecisionId { get; private init; }

    public DateTimeOffset Now => Fixture.Clock.GetUtcNow();

    public DateOnly Today => VietnamTime.LocalDate(Now);

    public static Task<BadInputSession> ForAsync(VigilFixture fixture) => Sessions.GetValue(fixture, StartAsync);

    /// <summary>A valid new person of commune 00070, as the object that <see cref="RawRequests.Patched"/> patches.</summary>
    public object NewPerson() => ApiSteps.PersonBody("00070", Today.AddYears(-30));

    /// <summary>A new person of commune 00070 with a signed decision and no device yet: ready for an attachment.</summary>
    public Task<Guid> SignedPersonAsync() => _signedPerson ??= CreateSignedPersonAsync();

    /// <summary>A new person of commune 00070, for a case that would leave state behind (a pending request) if accepted.</summary>
    public async Task<Guid> NewPersonIdAsync() => (await Officer.CreatePersonAsync("00070", Today.AddYears(-35))).Id;

    /// <summary>A new person of commune 00070 with an active decision of their own, for a case that would change it if accepted.</summary>
    public async Task<Guid> NewActiveDecisionAsync()
    {
        var person = await Officer.CreatePersonAsync("00070", Today.AddYears(-40));
        var decision = await Officer.DraftDecisionAsync(person.Id, Today);
        await Expect.Status(await Chief.PostAsync($"/api/v1/decisions/{decision.Id}/sign", null), 200);
        await Expect.Status(await Officer.PostAsync($"/api/v1/decisions/{decision.Id}/activate", null), 200);
        return decision.Id;
    }

    private async Task<Guid> CreateSignedPersonAsync()
    {
        var person = await Officer.CreatePersonAsync("00070", Today.AddYears(-25));
        var decision = await Officer.DraftDecisionAsync(person.Id, Today);
        await Expect.Status(await Chief.PostAsync($"/api/v1/decisions/{decision.Id}/sign", null), 200);
        return person.Id;
    }

    private static async Task<BadInputSession> StartAsync(VigilFixture fixture)
    {
        var officer = await fixture.LogInAsync("hk.officer1");
        var people = await Expect.Json<PageOf<PersonSummary>>(await officer.GetAsync("/api/v1/persons?pageSize=200"));
        PersonDto? adult = null;
        foreach (var summary in people.Items)
        {
            adult = await Expect.Json<PersonDto>(await officer.GetAsync($"/api/v1/persons/{summary.Id}"));
            if (adult.Guardians.Count == 0)
            {
                break;
            }
        }

        Assert.NotNull(adult);
        var decisions = await Expect.Json<List<DecisionDto>>(await officer.GetAsync($"/api/v1/persons/{adult.Id}/decisions"));
        return new BadInputSession(fixture)
        {
            Anonymous = fixture.Anonymous(),
            Officer = officer,
            Chief = await fixture.LogInAsync("hk.chief"),
            Analyst = await fixture.LogInAsync("hn.analyst"),
            Logistics = await fixture.LogInAsync("hn.logistics"),
            Admin = await fixture.LogInAsync("admin"),
            Person = adult,
            DecisionId = decisions.Single(d => d.Status == DecisionStatus.Active).Id,
        };
    }
}
