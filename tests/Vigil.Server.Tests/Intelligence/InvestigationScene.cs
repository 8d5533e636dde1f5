using System.Runtime.CompilerServices;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Intelligence;

/// <summary>
/// Ten minutes of stored history near Hoàn Kiếm lake, shared by the investigation suites of one fixture: three demo
/// wearers meet at <see cref="Lat"/>, <see cref="Lon"/> — two of Hoàn Kiếm (devices 0 and 1) and one of Ba Đình
/// (device 3) — while a third Hoàn Kiếm wearer (device 2) is 2 km north.
/// </summary>
public sealed class InvestigationScene
{
    public const double Lat = 21.0300;
    public const double Lon = 105.8500;

    private static readonly ConditionalWeakTable<VigilFixture, Task<InvestigationScene>> Scenes = [];

    private InvestigationScene()
    {
    }

    /// <summary>When the meeting began (five minutes after the demo attached the devices).</summary>
    public DateTimeOffset MetAt { get; private init; }

    public Guid HoanKiem0 { get; private init; }

    public Guid HoanKiem1 { get; private init; }

    public Guid HoanKiemAway { get; private init; }

    public Guid BaDinh { get; private init; }

    public static Task<InvestigationScene> OfAsync(VigilFixture fixture) => Scenes.GetValue(fixture, CreateAsync);

    private static async Task<InvestigationScene> CreateAsync(VigilFixture fixture)
    {
        var seededAt = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
        var metAt = seededAt.AddMinutes(5);
        var until = metAt.AddMinutes(16) - fixture.Clock.GetUtcNow();
        fixture.AdvanceMinutes(Math.Max(0, (int)Math.Ceiling(until.TotalMinutes)));
        var times = TrackSteps.EveryMinute(metAt, 10).ToList();
        await fixture.UploadAsync(0, Lat, Lon, times);
        await fixture.UploadAsync(1, Lat + 0.0002, Lon, times);
        await fixture.UploadAsync(3, Lat, Lon + 0.0002, times);
        await fixture.UploadAsync(2, Lat + 0.018, Lon, times);
        return new InvestigationScene
        {
            MetAt = metAt,
            HoanKiem0 = fixture.Credentials.Devices[0].PersonId!.Value,
            HoanKiem1 = fixture.Credentials.Devices[1].PersonId!.Value,
            HoanKiemAway = fixture.Credentials.Devices[2].PersonId!.Value,
            BaDinh = fixture.Credentials.Devices[3].PersonId!.Value,
        };
    }
}
