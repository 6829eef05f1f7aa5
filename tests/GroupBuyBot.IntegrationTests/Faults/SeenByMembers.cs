using System.Globalization;
using System.Text.RegularExpressions;
using GroupBuyBot.BotApiEmulator.Models;

namespace GroupBuyBot.IntegrationTests.Faults;

/// <summary>A live list as members read it (the rendered text of GroupBuyListText, in English).</summary>
public sealed partial record ListSeen(int Number, IReadOnlyList<(string Name, int Quantity)> Active, IReadOnlyList<(string Name, int Quantity)> Waitlist,
    bool Truncated, string? TotalLine, string StatusLine, bool HasJoinButton)
{
    public static bool IsList(EmulatedMessage message, int number) =>
        message.IsFromBot && message.Text is { } text && text.StartsWith("🛒", StringComparison.Ordinal)
        && text.Contains(string.Create(CultureInfo.InvariantCulture, $"Group buy #{number}:"), StringComparison.Ordinal);

    public static ListSeen Read(EmulatedMessage message, int number)
    {
        var active = new List<(string, int)>();
        var waitlist = new List<(string, int)>();
        var truncated = false;
        string? total = null;
        var inWaitlist = false;
        var lines = (message.Text ?? "").Split('\n');
        foreach (var line in lines)
        {
            if (line == "Waiting list:") inWaitlist = true;
            else if (line.StartsWith("…and ", StringComparison.Ordinal)) truncated = true;
            else if (line.StartsWith("Total: ", StringComparison.Ordinal)) total = line;
            else if (MemberLine().Match(line) is { Success: true } member)
            {
                (inWaitlist ? waitlist : active).Add((member.Groups["name"].Value, int.Parse(member.Groups["quantity"].Value, CultureInfo.InvariantCulture)));
            }
        }

        var hasJoin = message.Buttons.SelectMany(row => row).Any(b => b.Text == "Join");
        return new ListSeen(number, active, waitlist, truncated, total, lines[^1], hasJoin);
    }

    [GeneratedRegex(@"^\d+\. (?<name>.+) ×(?<quantity>\d+)$")]
    private static partial Regex MemberLine();
}

/// <summary>Counts and lists for a failure message: what was lost and what came more than once.</summary>
public static class Tally
{
    /// <summary>"3 of 60: a, b, c" with at most <paramref name="max"/> named.</summary>
    public static string Some<T>(IReadOnlyCollection<T> items, int max = 12) =>
        items.Count == 0 ? "none" : $"{items.Count}: {string.Join(", ", items.Take(max))}{(items.Count > max ? ", …" : "")}";
}
