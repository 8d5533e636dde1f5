using Microsoft.Extensions.Options;
using Vigil.Server.Data.Configurations;
using Vigil.Server.Outbound;

namespace Vigil.Server.Health;

/// <summary>Names the option, its index and the rule; never echoes a URL or a secret.</summary>
internal sealed class MedicalResponderOptionsValidator : IValidateOptions<MedicalResponderOptions>
{
    public ValidateOptionsResult Validate(string? name, MedicalResponderOptions options)
    {
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.MedicalResponders.Count; i++)
        {
            var responder = options.MedicalResponders[i];
            var at = $"{MedicalResponderOptions.Section}:MedicalResponders:{i}";
            if (responder.Name.Length is 0 or > OutboxMessageConfiguration.DestinationMaxLength
                || !responder.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                failures.Add($"{at}:Name is \"{responder.Name}\"; it must be 1 to {OutboxMessageConfiguration.DestinationMaxLength} letters, digits, '-', '_' or '.'.");
            }
            else if (!names.Add(responder.Name))
            {
                failures.Add($"{at}:Name \"{responder.Name}\" is used twice; each responder needs its own name.");
            }

            if (!Uri.TryCreate(responder.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{at}:Url must be an absolute http or https URL (the value is not shown: it may hold credentials).");
            }

            if (string.IsNullOrEmpty(responder.Secret) || responder.Secret.Length < WebhookOptions.MinimumSecretLength)
            {
                failures.Add($"{at}:Secret must have at least {WebhookOptions.MinimumSecretLength} characters (it has {responder.Secret?.Length ?? 0}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
