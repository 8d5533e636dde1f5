using System.Text.Json;

namespace Vigil.Domain.Telemetry;

/// <summary>Reads <c>wear</c>: strap circuit, skin contact and case switch.</summary>
internal static class WearReader
{
    public static FieldError? Read(ref Utf8JsonReader reader, out WearReading? wear)
    {
        wear = null;
        if (!TelemetryJson.EnterObject(ref reader, "wear", out var error))
            return error;

        StrapState? strap = null;
        bool? skin = null;
        CaseState? @case = null;
        FieldError? strapError = null, skinError = null, caseError = null;
        while (TelemetryJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("strap"u8))
                strapError = ReadStrap(ref reader, out strap);
            else if (name.SequenceEqual("skin"u8))
                skinError = TelemetryJson.ReadBool(ref reader, "wear.skin", "skin contact", out skin);
            else if (name.SequenceEqual("case"u8))
                caseError = ReadCase(ref reader, out @case);
            else
                reader.Skip();
        }

        error = strapError ?? skinError ?? caseError;
        if (error is null && (strap is not null || skin is not null || @case is not null))
            wear = new WearReading(strap, skin, @case);
        return error;
    }

    private static FieldError? ReadStrap(ref Utf8JsonReader reader, out StrapState? strap)
    {
        const string Choices = "closed, open, cut";
        strap = null;
        var error = TelemetryJson.ReadWord(ref reader, "wear.strap", "strap", Choices, out var word, out var present);
        if (error is not null || !present)
            return error;
        if (word.SequenceEqual("closed"u8))
            strap = StrapState.Closed;
        else if (word.SequenceEqual("open"u8))
            strap = StrapState.Open;
        else if (word.SequenceEqual("cut"u8))
            strap = StrapState.Cut;
        else
            return TelemetryJson.NotOneOf("wear.strap", "strap", Choices, word);
        return null;
    }

    private static FieldError? ReadCase(ref Utf8JsonReader reader, out CaseState? @case)
    {
        const string Choices = "closed, open";
        @case = null;
        var error = TelemetryJson.ReadWord(ref reader, "wear.case", "case", Choices, out var word, out var present);
        if (error is not null || !present)
            return error;
        if (word.SequenceEqual("closed"u8))
            @case = CaseState.Closed;
        else if (word.SequenceEqual("open"u8))
            @case = CaseState.Open;
        else
            return TelemetryJson.NotOneOf("wear.case", "case", Choices, word);
        return null;
    }
}
