using Microsoft.Extensions.Options;

namespace Vigil.Server.Outbound;

/// <summary>Names the option, its value and the rule; never echoes the secret or the URL.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        const string S = WebhookOptions.Section;
        if (options.Enabled)
        {
            if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                // The value is not echoed: a URL can carry credentials or a token.
                failures.Add($"{S}:Url must be an absolute http or https URL (the value is not shown: it may hold credentials).");
            }

            if (string.IsNullOrEmpty(options.Secret) || options.Secret.Length < WebhookOptions.MinimumSecretLength)
            {
                failures.Add($"{S}:Secret is required when {S}:Url is set and must have at least {WebhookOptions.MinimumSecretLength} characters "
                    + $"(it has {options.Secret?.Length ?? 0}).");
            }
        }

        Range(failures, "TimeoutSeconds", options.TimeoutSeconds, 1, 300);
        Range(failures, "MaxBackoffSeconds", options.MaxBackoffSeconds, 1, 7 * 24 * 3600);
        Range(failures, "PollSeconds", options.PollSeconds, 1, 3600);
        Range(failures, "BatchSize", options.BatchSize, 1, 1000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string option, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{WebhookOptions.Section}:{option} is {value}; it must be {min} to {max}.");
        }
    }
}
