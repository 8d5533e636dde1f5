using System.Diagnostics;
using Vigil.Server.Audit;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// The audit log records reads and writes, refuses UPDATE and DELETE in the database, and its hash chain
/// exposes an entry altered behind the application's back — through the API and the `audit verify` command.
/// </summary>
public abstract class AuditTests(VigilFixture fixture)
{
    [Fact]
    public async Task AuditLog_UpdateOrDelete_RefusedByTheDatabase()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.ExecuteSqlAsync("""UPDATE "AuditEntries" SET "ActorName" = 'x' WHERE "Sequence" = 1"""));
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.ExecuteSqlAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 1"""));
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.ExecuteSqlAsync("""UPDATE "Records" SET "Reason" = 'x'"""));
    }

    [Fact]
    public async Task List_ByActorUsernameAndPeriod_OnlyThoseEntries()
    {
        var officer = await fixture.LogInAsync("bd.officer1");
        var people = await Expect.Json<Vigil.Server.Api.PageOf<Vigil.Server.Api.PersonSummary>>(await officer.GetAsync("/api/v1/persons?pageSize=1"));
        await Expect.Status(await officer.GetAsync($"/api/v1/persons/{people.Items[0].Id}"), 200);
        var supervisor = await fixture.LogInAsync("c04.supervisor");
        var now = fixture.Clock.GetUtcNow();
        async Task<Vigil.Server.Api.PageOf<Vigil.Domain.Audit.AuditEntry>> ListAsync(string q) =>
            await Expect.Json<Vigil.Server.Api.PageOf<Vigil.Domain.Audit.AuditEntry>>(await supervisor.GetAsync($"/api/v1/audit?pageSize=200&{q}"));
        string At(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        // The username finds the account's entries (which record its display name); nobody else's.
        var mine = await ListAsync($"actor=bd.officer1&personId={people.Items[0].Id}&action=person.read");
        var read = Assert.Single(mine.Items);
        Assert.Equal("ManagingOfficer", read.ActorRole);
        Assert.All((await ListAsync("actor=bd.officer1")).Items, a => Assert.Equal(read.ActorId, a.ActorId));
        Assert.Empty((await ListAsync("actor=nobody.at.all")).Items);

        // The period: from inclusive, to exclusive.
        Assert.Single((await ListAsync($"actor=bd.officer1&action=person.read&from={At(read.At)}&to={At(read.At.AddMilliseconds(1))}")).Items);
        Assert.Empty((await ListAsync($"actor=bd.officer1&action=person.read&from={At(now.AddMinutes(1))}")).Items);
        Assert.Empty((await ListAsync($"actor=bd.officer1&action=person.read&to={At(read.At)}")).Items);
    }

    [Fact]
    public async Task AlteredEntry_DetectedByApiAndCommand()
    {
        var officer = await fixture.LogInAsync("hk.officer1");
        var people = await Expect.Json<Vigil.Server.Api.PageOf<Vigil.Server.Api.PersonSummary>>(await officer.GetAsync("/api/v1/persons"));
        await Expect.Status(await officer.GetAsync($"/api/v1/persons/{people.Items[0].Id}"), 200);
        var supervisor = await fixture.LogInAsync("c04.supervisor");
        var reads = await Expect.Json<Vigil.Server.Api.PageOf<Vigil.Domain.Audit.AuditEntry>>(
            await supervisor.GetAsync($"/api/v1/audit?personId={people.Items[0].Id}&action=person.read"));
        var read = Assert.Single(reads.Items);
        Assert.Equal("hk.officer1", fixture.Credentials.Officers.Single(o => o.Username == "hk.officer1").Username);
        Assert.Equal("ManagingOfficer", read.ActorRole);

        Assert.True((await Expect.Json<AuditVerification>(await supervisor.GetAsync("/api/v1/audit/verify"))).Valid);
        Assert.Equal(0, await RunVerifyCommandAsync());

        // A database administrator lifts the protection and rewrites who read the record.
        await fixture.ExecuteSqlAsync(fixture.IsPostgres
            ? """ALTER TABLE "AuditEntries" DISABLE TRIGGER "AuditEntries_append_only" """
            : """DROP TRIGGER "AuditEntries_no_update" """);
        await fixture.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "ActorName" = 'someone else' WHERE "Sequence" = {read.Sequence}""");
        await fixture.ExecuteSqlAsync(fixture.IsPostgres
            ? """ALTER TABLE "AuditEntries" ENABLE TRIGGER "AuditEntries_append_only" """
            : """CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'append-only'); END;""");

        var verification = await Expect.Json<AuditVerification>(await supervisor.GetAsync("/api/v1/audit/verify"));
        Assert.False(verification.Valid);
        Assert.Equal(read.Sequence, verification.BrokenAt);
        Assert.Contains("altered", verification.Reason, StringComparison.Ordinal);
        Assert.Equal(1, await RunVerifyCommandAsync());
    }

    /// <summary>Runs `Vigil.Server audit verify` as its own process against the fixture's database.</summary>
    private async Task<int> RunVerifyCommandAsync()
    {
        var server = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { server, "audit", "verify" }.Concat(fixture.StorageArguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        Assert.Contains("audit: ", text, StringComparison.Ordinal);
        return process.ExitCode;
    }
}

public sealed class SqliteAuditTests(SqliteFixture fixture) : AuditTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAuditTests(PostgresFixture fixture) : AuditTests(fixture), IClassFixture<PostgresFixture>;
