using System.Globalization;
using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.Parsing;

/// <summary>
/// Deadlines as organizers write them: absolute in the chat's time zone (<c>2026-12-05 18:00</c>, <c>12-05 18:00</c>,
/// <c>2026/12/5</c>) or relative (<c>3d</c>, <c>48h</c>, <c>1d12h</c>, <c>90m</c>, <c>3天</c>, <c>2小时</c>).
/// </summary>
public static partial class DeadlineText
{
    /// <summary>Deadlines further ahead than this are almost surely typos.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

    private static readonly string[] AbsoluteFormats =
    [
        "yyyy-M-d H:mm", "yyyy-M-d", "yyyy/M/d H:mm", "yyyy/M/d", "M-d H:mm", "M-d", "M/d H:mm", "M/d",
        "yyyy-M-dTH:mm", "yyyy-M-d H:mm:ss",
    ];

    public static bool TryParse(string? text, DateTimeOffset now, TimeZoneInfo zone, out DateTimeOffset deadline)
    {
        deadline = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return false;
        var value = Numbers.FoldWidth(text).Trim();

        if (TryParseRelative(value, out var span))
        {
            deadline = now + span;
        }
        else if (TryParseAbsolute(value, now, zone, out var absolute))
        {
            deadline = absolute;
        }
        else
        {
            return false;
        }

        return deadline > now && deadline - now <= MaxAhead;
    }

    public static string Format(DateTimeOffset deadline, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(deadline, zone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private static bool TryParseRelative(string value, out TimeSpan span)
    {
        span = TimeSpan.Zero;
        var match = RelativePattern().Match(value.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal));
        if (!match.Success) return false;

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var parsed = PartPattern().Match(part.Value);
            if (!int.TryParse(parsed.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 10_000) return false;
            span += parsed.Groups["unit"].Value switch
            {
                "d" or "天" or "day" or "days" => TimeSpan.FromDays(n),
                "h" or "小时" or "个小时" or "hour" or "hours" or "hr" or "hrs" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromMinutes(n),
            };
        }

        return span > TimeSpan.Zero;
    }

    private static bool TryParseAbsolute(string value, DateTimeOffset now, TimeZoneInfo zone, out DateTimeOffset deadline)
    {
        deadline = default;
        if (!DateTime.TryParseExact(value, AbsoluteFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return false;
        }

        var hasYear = value.Length > 4 && value[..4].All(char.IsAsciiDigit) && value[4] is '-' or '/';
        var hasTime = value.Contains(':', StringComparison.Ordinal);
        if (!hasTime) local = local.Date.AddHours(23).AddMinutes(59); // a bare date means the end of that day
        var nowLocal = TimeZoneInfo.ConvertTime(now, zone);
        if (!hasYear)
        {
            local = new DateTime(nowLocal.Year, local.Month, local.Day, local.Hour, local.Minute, 0);
            if (local < nowLocal.DateTime) local = local.AddYears(1); // "12-05" in late December means next year
        }

        deadline = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    [GeneratedRegex(@"^(?<part>\d+(d|h|m|min|mins|day|days|hour|hours|hr|hrs|天|小时|个小时|分钟|分))+$")]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"^(?<n>\d+)(?<unit>.+)$")]
    private static partial Regex PartPattern();
}
