using Vigil.Simulator.GeoLife;

namespace Vigil.Simulator.Tests.GeoLife;

public sealed class GeoLifeReplayTests
{
    [GeoLifeFact]
    public void Run_RealTracks_FewFalseZoneAlertsAndEveryDepartureCaught()
    {
        var report = GeoLifeReplay.Run(GeoLifeTrack.FindData()!);
        Assert.Equal(11, report.Users.Count);
        Assert.True(report.DeparturesInjected >= 15, $"only {report.DeparturesInjected} departures could be injected");
        Assert.Empty(report.Failures(maxFalsePerPersonWeek: 1, minCaught: 1));
    }

    [Fact]
    public void Read_PltFile_SkipsTheHeaderAndDamagedLinesAndSortsByTime()
    {
        var user = Directory.CreateTempSubdirectory("vigil-geolife-");
        try
        {
            Directory.CreateDirectory(Path.Combine(user.FullName, "Trajectory"));
            File.WriteAllLines(Path.Combine(user.FullName, "Trajectory", "20081023025304.plt"),
            [
                "Geolife trajectory", "WGS 84", "Altitude is in Feet", "Reserved 3", "0,2,255,My Track,0,0,2,8421376", "0",
                "39.984702,116.318417,0,492,39744.1201851852,2008-10-23,02:53:10",
                "not,a,line",
                "39.984683,116.31845,0,492,39744.1202546296,2008-10-23,02:53:04",
            ]);
            var track = GeoLifeTrack.Read(user.FullName);
            Assert.Equal(2, track.Fixes.Count);
            Assert.Equal(new DateTimeOffset(2008, 10, 23, 2, 53, 4, TimeSpan.Zero), track.Fixes[0].At);
            Assert.Equal(39.984683, track.Fixes[0].Lat);
        }
        finally
        {
            user.Delete(recursive: true);
        }
    }

    [Fact]
    public void FindData_MissingFolder_Null() => Assert.Null(GeoLifeTrack.FindData("/nonexistent/geolife"));
}
