using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.GroupBuys;

namespace GroupBuyBot.Core.Features.Recurring;

/// <summary>
/// A rhythm seen in a chat's past buys of one kind (the same supplier, or titles that name the same thing): the last
/// two closed about a month apart (monthly) or about a year apart (yearly). What lets the bot suggest a round nobody
/// set with <c>/repeat</c>.
/// </summary>
public static class BuyRhythms
{
    private static readonly (BuyRhythm Rhythm, double MinDays, double MaxDays)[] Intervals =
    [
        (BuyRhythm.Monthly, 24, 38),
        (BuyRhythm.Yearly, 330, 400),
    ];

    /// <summary>The chat's formed buys, grouped by kind: each group oldest first.</summary>
    public static IEnumerable<IReadOnlyList<GroupBuy>> Kinds(IEnumerable<GroupBuy> formed)
    {
        var kinds = new List<List<GroupBuy>>();
        foreach (var buy in formed.Where(b => b.ClosedAt is not null).OrderBy(b => b.ClosedAt))
        {
            var kind = kinds.Find(k => SameKind(k[^1], buy));
            if (kind is null) kinds.Add([buy]);
            else kind.Add(buy);
        }

        return kinds;
    }

    /// <summary>The rhythm of one kind's buys (oldest first), from its last two rounds; None with fewer than two.</summary>
    public static BuyRhythm Seen(IReadOnlyList<GroupBuy> kind)
    {
        if (kind.Count < 2 || kind[^1].ClosedAt is not { } last || kind[^2].ClosedAt is not { } before) return BuyRhythm.None;
        var days = (last - before).TotalDays;
        return Intervals.Where(i => days >= i.MinDays && days <= i.MaxDays).Select(i => i.Rhythm).FirstOrDefault();
    }

    public static bool SameKind(GroupBuy a, GroupBuy b) =>
        (a.SupplierId is { } supplier && supplier == b.SupplierId) || NeedBoard.SameThing(a.Title, b.Title)
        || string.Equals(a.Title.Trim(), b.Title.Trim(), StringComparison.OrdinalIgnoreCase);
}
