using Vigil.Server.Outbound;

namespace Vigil.Server.Tests.Outbound;

/// <summary>The rules of the Webhooks section; start-up refusal itself is in OptionsValidationTests.</summary>
public sealed class WebhookOptionsTests
{
    [Fact]
    public void Validate_NoUrl_ValidWithoutSecret() =>
        Assert.True(new WebhookOptionsValidator().Validate(null, new WebhookOptions()).Succeeded);

    [Fact]
    public void Validate_ShortSecret_FailsNamingTheOptionNotTheValue()
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { Url = "https://receiver.example/hook", Secret = "too-short-a-secret" });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Webhooks:Secret", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("too-short-a-secret", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://user:password@receiver.example/hook")]
    [InlineData("/relative/hook")]
    public void Validate_NotAnHttpUrl_FailsNamingItWithoutEchoingIt(string url)
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { Url = url, Secret = new string('s', 32) });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Webhooks:Url", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(url, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_DoublesFromOneSecondToTheCap()
    {
        var cap = TimeSpan.FromHours(1);
        Assert.Equal([1, 2, 4, 8], Enumerable.Range(1, 4).Select(n => WebhookBackoff.Ceiling(n, cap).TotalSeconds));
        Assert.Equal(cap, WebhookBackoff.Ceiling(13, cap));
        Assert.Equal(cap, WebhookBackoff.Ceiling(int.MaxValue, cap));
        Assert.Equal(TimeSpan.FromSeconds(4), WebhookBackoff.Delay(4, cap, 0));
        Assert.Equal(TimeSpan.FromSeconds(7.5), WebhookBackoff.Delay(4, cap, 0.875));
    }
}
