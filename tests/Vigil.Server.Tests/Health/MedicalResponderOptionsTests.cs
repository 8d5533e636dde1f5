using Vigil.Server.Health;

namespace Vigil.Server.Tests.Health;

/// <summary>The rules of <c>Health:MedicalResponders</c>: each bad entry is named by its index, never by its URL or secret.</summary>
public sealed class MedicalResponderOptionsTests
{
    private static MedicalResponder Good(string name = "cap-cuu-115") => new() { Name = name, Url = "https://115.example/vigil", Secret = new string('s', 32) };

    [Fact]
    public void Validate_NoResponders_Valid() =>
        Assert.True(new MedicalResponderOptionsValidator().Validate(null, new MedicalResponderOptions()).Succeeded);

    [Fact]
    public void Validate_TwoGoodResponders_Valid() =>
        Assert.True(new MedicalResponderOptionsValidator().Validate(null, new MedicalResponderOptions { MedicalResponders = [Good(), Good("tram-y-te.hk")] }).Succeeded);

    [Fact]
    public void Validate_SameNameTwice_FailsNamingTheSecond()
    {
        var result = new MedicalResponderOptionsValidator().Validate(null, new MedicalResponderOptions { MedicalResponders = [Good(), Good()] });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Health:MedicalResponders:1:Name", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadNameUrlAndSecret_EachNamedWithoutEchoingUrlOrSecret()
    {
        var bad = new MedicalResponder { Name = "cấp cứu", Url = "ftp://user:password@115.example/hook", Secret = "short-secret" };
        var result = new MedicalResponderOptionsValidator().Validate(null, new MedicalResponderOptions { MedicalResponders = [Good(), bad] });

        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Health:MedicalResponders:1:Name", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Health:MedicalResponders:1:Url", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Health:MedicalResponders:1:Secret", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.Contains("password", StringComparison.Ordinal) || f.Contains("short-secret", StringComparison.Ordinal));
    }
}
