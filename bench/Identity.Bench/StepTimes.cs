using System.Collections.Concurrent;

namespace Identity.Bench;

/// <summary>Request times per step of the sign-in, from all virtual users.</summary>
public sealed class StepTimes
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _steps = new();
    private readonly ConcurrentDictionary<string, int> _order = new();

    public bool Recording { get; set; } = true;

    public void Add(string step, TimeSpan elapsed)
    {
        if (Recording)
        {
            _order.TryAdd(step, _order.Count);
            _steps.GetOrAdd(step, _ => []).Add(elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Median milliseconds and the number of requests, per step, in the order steps happen.</summary>
    public Dictionary<string, (double MedianMs, int Count)> Medians() =>
        _steps.OrderBy(step => _order[step.Key])
            .ToDictionary(step => step.Key, step => (Stats.Percentile([.. step.Value], 50), step.Value.Count));
}

public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values) => Percentile([.. values], 50);
}
