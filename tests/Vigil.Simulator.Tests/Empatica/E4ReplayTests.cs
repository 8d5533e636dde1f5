using System.Globalization;
using Vigil.Simulator.Empatica;

namespace Vigil.Simulator.Tests.Empatica;

public sealed class E4ReplayTests
{
    [E4Fact]
    public void Run_RealRecording_NoOverdoseAlarmAndNoFlagWithTheDefaultBaseline()
    {
        var recording = E4Recording.Read(E4Recording.FindData()!);
        var result = E4Replay.Run(recording);

        Assert.True(result.WithHeartRate >= 60, $"only {result.WithHeartRate} minutes with heart rate were read");
        Assert.True(result.WithEda > 0 && result.WithTemperature > 0 && result.WithHrv > 0, result.ToTable());
        Assert.Equal(0, result.OverdoseAlerts);
        Assert.Equal(0, result.DrugUseFlags); // the baseline needs more than the recording's hour to be ready
        Assert.True(result.ScoredMinutes > 0, "with a quick baseline the recording's minutes must be scored");
    }

    [Fact]
    public void Read_ExportFolder_MinutesFromEverySignal()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-e4-");
        try
        {
            File.WriteAllLines(Path.Combine(folder.FullName, "HR.csv"), ["1560279835.000000", "1.000000", .. Enumerable.Repeat("80.00", 120)]);
            File.WriteAllLines(Path.Combine(folder.FullName, "EDA.csv"), ["1560279825.000000", "4.000000", .. Enumerable.Repeat("0.500000", 480)]);
            File.WriteAllLines(Path.Combine(folder.FullName, "TEMP.csv"), ["1560279825.000000", "4.000000", .. Enumerable.Repeat("32.50", 240)]);
            File.WriteAllLines(Path.Combine(folder.FullName, "ACC.csv"), ["1560279825.000000, 1560279825.000000, 1560279825.000000", "32.000000, 32.000000, 32.000000",
                .. Enumerable.Repeat("0,0,64", 1920)]);
            File.WriteAllLines(Path.Combine(folder.FullName, "IBI.csv"), ["1560279825.000000, IBI", .. Enumerable.Range(1, 80).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i * 0.75:0.00},{(i % 2 == 0 ? 0.74 : 0.76):0.00}"))]);

            var recording = E4Recording.Read(folder.FullName);

            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1560279825), recording.Start);
            Assert.Equal(2, recording.Minutes.Count);
            var first = recording.Minutes[0];
            Assert.Equal((80.0, 0.5, 32.5, 0.0), (first.HeartRateBpm!.Value, first.EdaMicrosiemens!.Value, first.SkinTemperatureC!.Value, first.Activity!.Value));
            Assert.Equal(20, first.HrvRmssdMs!.Value, 3);
            Assert.Null(recording.Minutes[1].SkinTemperatureC); // TEMP covers the first minute only
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
