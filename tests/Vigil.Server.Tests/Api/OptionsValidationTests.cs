using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Tests.Api;

/// <summary>A bad setting stops start-up with a message naming the option and the rule.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Decisions:MaximumDurationMonths", "30", "Decisions:MaximumDurationMonths")]
    [InlineData("Decisions:MinimumAge", "40", "Decisions:MinimumAge")]
    [InlineData("Security:MaxFailedLogins", "0", "MaxFailedLogins")]
    [InlineData("Demo:PeoplePerCommune", "0", "PeoplePerCommune")]
    [InlineData("Demo:PeoplePerCommune", "150001", "PeoplePerCommune")]
    [InlineData("Compliance:PeoplePerBatch", "0", "Compliance:PeoplePerBatch")]
    [InlineData("Alerts:EscalateAfter", "00:00:10", "Alerts:EscalateAfter")]
    [InlineData("Alerts:CheckEvery", "00:00:00", "Alerts:CheckEvery")]
    [InlineData("Webhooks:Url", "https://receiver.example/hook", "Webhooks:Secret")]
    [InlineData("Webhooks:Url", "not a url", "Webhooks:Url")]
    [InlineData("Webhooks:MaxBackoffSeconds", "0", "Webhooks:MaxBackoffSeconds")]
    [InlineData("Live:PositionThrottleSeconds", "-1", "Live:PositionThrottleSeconds")]
    [InlineData("Investigations:MaxPlaceWindow", "100.00:00:00", "Investigations:MaxPlaceWindow")]
    [InlineData("Investigations:CoLocationRadiusMeters", "600", "Investigations:CoLocationRadiusMeters")]
    [InlineData("Gatherings:MinPeople", "1", "Gatherings:MinPeople")]
    [InlineData("Gatherings:EvaluateEvery", "00:00:01", "Gatherings:EvaluateEvery")]
    public void StartUp_InvalidOption_RefusedNamingIt(string key, string value, string named)
    {
        var folder = Path.Combine(Path.GetTempPath(), "vigil-tests", Guid.NewGuid().ToString("N"));
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:DataFolder", folder);
            b.UseSetting(key, value);
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException
            ?? throw new Xunit.Sdk.XunitException($"Expected an options validation error, got {error}");
        Assert.Contains(named, string.Join(" ", validation.Failures), StringComparison.Ordinal);
    }
}
