using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Time;

namespace Vigil.Domain.Scope;

/// <summary>When a zone applies, in Vietnam time. A zone with no schedule applies at all times.</summary>
public sealed class WeeklySchedule
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public WeeklySchedule(IReadOnlyList<ScheduleWindow> windows, string field = "schedule")
    {
        if (windows.Count == 0)
        {
            throw new DomainException(field, "empty", "A schedule needs at least one window; omit it for a zone that always applies.");
        }

        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            if (window.Days.Count == 0)
            {
                throw new DomainException($"{field}[{i}].days", "empty", "A schedule window needs at least one day.");
            }

            if (window.From == window.To)
            {
                throw new DomainException($"{field}[{i}].to", "empty-window", "A schedule window must not start and end at the same time.");
            }
        }

        Windows = windows;
    }

    public IReadOnlyList<ScheduleWindow> Windows { get; }

    public bool AppliesAt(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Windows.Any(w => w.Contains(local.DayOfWeek, time));
    }

    /// <summary>Parses windows given as day names and "HH:mm" times; errors name the window and field.</summary>
    public static WeeklySchedule Parse(IReadOnlyList<(IReadOnlyList<string> Days, string From, string To)> windows, string field = "schedule")
    {
        var parsed = new List<ScheduleWindow>(windows.Count);
        for (var i = 0; i < windows.Count; i++)
        {
            var (days, from, to) = windows[i];
            var dayList = new List<DayOfWeek>();
            foreach (var day in days)
            {
                // Enum.TryParse ORs comma-separated names together: "monday,tuesday" would silently become Wednesday.
                if (day is null || day.Contains(',', StringComparison.Ordinal)
                    || !Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var d) || !Enum.IsDefined(d) || int.TryParse(day, out _))
                {
                    throw new DomainException($"{field}[{i}].days", "unknown-day", $"'{day}' is not a day of the week (monday … sunday).");
                }

                dayList.Add(d);
            }

            parsed.Add(new ScheduleWindow(dayList.ToArray(), ParseTime(from, $"{field}[{i}].from"), ParseTime(to, $"{field}[{i}].to")));
        }

        return new WeeklySchedule(parsed.ToArray(), field);
    }

    public string ToJson() => JsonSerializer.Serialize(
        Windows.Select(w => new StoredWindow(w.Days.Select(d => d.ToString()).ToArray(), FormatTime(w.From), FormatTime(w.To))),
        Json);

    public static WeeklySchedule FromJson(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredWindow[]>(json, Json) ?? [];
        return Parse(stored.Select(s => ((IReadOnlyList<string>)s.Days, s.From, s.To)).ToList());
    }

    private static TimeOnly ParseTime(string value, string field) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : value == "24:00"
                ? TimeOnly.MaxValue
                : throw new DomainException(field, "invalid-time", $"'{value}' is not a time of day as HH:mm.");

    // "24:00" parses to TimeOnly.MaxValue; write it back as "24:00", not "23:59", so a round trip keeps the last minute.
    private static string FormatTime(TimeOnly time) =>
        time == TimeOnly.MaxValue ? "24:00" : time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private sealed record StoredWindow(string[] Days, string From, string To);
}
