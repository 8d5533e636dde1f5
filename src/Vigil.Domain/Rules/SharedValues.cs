using System.Collections.Concurrent;

namespace Vigil.Domain.Rules;

/// <summary>
/// One shared instance of each equal immutable value that device actors' cases hold many copies of: officers reuse a
/// handful of zone names ("Nơi cư trú") and schedules ("Mon–Fri 07:30–17:00"), and each case loaded from the database
/// would otherwise carry its own. Bounded: past <paramref name="capacity"/> distinct keys a value is created unshared.
/// </summary>
public sealed class SharedValues<T>(int capacity) where T : class
{
    private readonly ConcurrentDictionary<string, T> _pool = new(StringComparer.Ordinal);

    public T Share(string key, Func<string, T> create) =>
        _pool.TryGetValue(key, out var shared) ? shared
        : _pool.Count < capacity ? _pool.GetOrAdd(key, create)
        : create(key);
}
