namespace GroupBuyBot.Benchmarks;

/// <summary>What scraping the bot's <c>/metrics</c> during the run gave: how many answers, how long they took, the last one.</summary>
public sealed class MetricsScrapes
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _took = [];

    public int Count { get; private set; }

    /// <summary>Answered, but not 200: a bot without metrics (an older build, <c>--bot</c>).</summary>
    public int NotServedCount { get; private set; }

    public int FailedCount { get; private set; }

    public string? LastFailure { get; private set; }

    public TimeSpan Slowest { get; private set; }

    /// <summary>The median time of a scrape (the first one also compiles the exporter's code, and is usually the slowest).</summary>
    public TimeSpan Median
    {
        get
        {
            lock (_lock) return _took.Count == 0 ? TimeSpan.Zero : _took.Order().ElementAt(_took.Count / 2);
        }
    }

    public TestKit.PrometheusText? Last { get; private set; }

    internal void Served(TestKit.PrometheusText text, TimeSpan took)
    {
        lock (_lock)
        {
            Count++;
            _took.Add(took);
            if (took > Slowest) Slowest = took;
            Last = text;
        }
    }

    internal void NotServed()
    {
        lock (_lock) NotServedCount++;
    }

    internal void Failed(string why)
    {
        lock (_lock)
        {
            FailedCount++;
            LastFailure = why;
        }
    }
}
