using System.Globalization;

namespace GroupBuyBot.Infrastructure.Scheduling;

/// <summary>Deadlines and reminders (<c>GroupBuyBot:Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "GroupBuyBot:Scheduling";

    /// <summary>PostgreSQL (clustered Quartz): how often each instance's scheduler records that it is alive.</summary>
    public int ClusterCheckinIntervalMs { get; set; } = 5000;

    /// <summary>PostgreSQL: how long past a missed check-in the others wait before recovering an instance's triggers.</summary>
    public int ClusterCheckinMisfireThresholdMs { get; set; } = 10000;

    /// <summary>How long before the deadline reminders are posted: comma-separated, <c>24h</c>, <c>90m</c>, <c>2d</c>. Empty: none.</summary>
    public string ReminderOffsets { get; set; } = "24h,1h";

    /// <summary>The parsed <see cref="ReminderOffsets"/>; malformed entries are a configuration error.</summary>
    public IReadOnlyList<TimeSpan> Offsets() => [.. ReminderOffsets
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(ParseOffset)
        .Distinct()];

    private static TimeSpan ParseOffset(string text)
    {
        var unit = text[^1];
        if (!int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            throw new FormatException($"Reminder offset '{text}' should look like 24h, 90m or 2d.");
        }

        return unit switch
        {
            'd' => TimeSpan.FromDays(n),
            'h' => TimeSpan.FromHours(n),
            'm' => TimeSpan.FromMinutes(n),
            's' => TimeSpan.FromSeconds(n),
            _ => throw new FormatException($"Reminder offset '{text}' should end in d, h, m or s."),
        };
    }
}
