using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Recurring;

/// <summary>
/// Buys that come back: an organizer says how often (<c>/repeat monthly</c>), or two past rounds of the same kind show it
/// (<see cref="BuyRhythms"/>); when the round comes, the buy's organizer
/// hears it privately, with who joined last time (the bot never posts to members on its own); members who asked
/// ("🔔 Tell me next time" under their confirmation) are told privately when it is opened again with <c>/again</c>.
/// </summary>
public sealed class RecurringBuys(IGroupBuyStore store, OrganizerPolicy organizers, IChatStore chats, TimeProvider time)
{
    public const char TellAction = 't';

    /// <summary><c>/repeat [#] monthly|yearly|off</c> (organizers), on the buy named or the chat's newest.</summary>
    public async Task<Outcome> Repeat(CommandContext context, string arguments, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        var rest = BuyReference.Split(arguments, allowBareNumber: true, out var number);
        if (ParseRhythm(rest) is not { } rhythm) return Outcome.Say(context.Text("RepeatUsage"));
        var buy = number is { } n ? await store.FindByNumber(context.ChatId, n, ct) : await store.FindNewest(context.ChatId, ct);
        if (buy is null) return Outcome.Say(number is { } missing ? context.Text("BuyNotFound", missing) : context.Text("AgainNothing"));

        return await store.Decide(context, buy.Id, b =>
        {
            b.SetRhythm(rhythm);
            return Outcome.Say(rhythm switch
            {
                BuyRhythm.Off => context.Text("RepeatOff", b.Number),
                _ => context.Text(rhythm == BuyRhythm.Monthly ? "RepeatMonthly" : "RepeatYearly", b.Number, Html.Escape(b.Title)),
            });
        }, ct) ?? Outcome.Say(context.Text("BuyNotFound", buy.Number));
    }

    /// <summary>
    /// Buys whose next round has come: those given a rhythm (<c>/repeat</c>), and the newest of a kind whose last two
    /// rounds were a month (a year) apart. Their organizers are told privately, once per round.
    /// </summary>
    /// <returns>How many buys were suggested again.</returns>
    public async Task<int> SuggestDue(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var suggested = 0;
        foreach (var found in await store.ListWithRhythm(ct))
        {
            if (found.NextRoundAt is not { } due || now < due) continue;
            if (await Suggest(found, null, now, ct)) suggested++;
        }

        foreach (var (latest, rhythm) in await SeenRhythms(now, ct))
        {
            if (await Suggest(latest, rhythm, now, ct)) suggested++;
        }

        return suggested;
    }

    /// <summary>The newest buy of each kind whose round, by the rhythm its past rounds show, has come (and has no rhythm of its own).</summary>
    private async Task<List<(GroupBuy Latest, BuyRhythm Rhythm)>> SeenRhythms(DateTimeOffset now, CancellationToken ct)
    {
        var due = new List<(GroupBuy, BuyRhythm)>();
        var formed = await store.ListFormedSince(now.AddMonths(-26), ct);
        foreach (var chat in formed.GroupBy(b => b.ChatId))
        {
            IReadOnlyList<GroupBuy>? open = null; // read once per chat, and only when a round is due there
            foreach (var kind in BuyRhythms.Kinds(chat))
            {
                var latest = kind[^1];
                var rhythm = BuyRhythms.Seen(kind);
                if (latest.Rhythm != BuyRhythm.None || rhythm == BuyRhythm.None) continue;
                if (latest.NextRoundFor(rhythm) is not { } at || now < at || latest.RhythmSuggestedAt >= at) continue;
                // Open again already (an open buy of the kind): nothing to suggest.
                open ??= await store.ListOpen(chat.Key, ct);
                if (open.Any(b => BuyRhythms.SameKind(b, latest))) continue;
                due.Add((latest, rhythm));
            }
        }

        return due;
    }

    private async Task<bool> Suggest(GroupBuy found, BuyRhythm? seen, DateTimeOffset now, CancellationToken ct)
    {
        var context = await DeadlineCloser.SystemContext(chats, found, ct);
        var said = false;
        await store.Decide(context, found.Id, buy =>
        {
            if (!buy.SuggestNextRound(now, seen)) return Outcome.Nothing;
            said = true;
            var joined = string.Join(", ", buy.OrderedSignUps.GroupBy(s => s.UserId).Select(m => $"{Html.Escape(m.First().DisplayName)} ×{m.Sum(s => s.Quantity)}"));
            var text = context.Text("RepeatSuggestion", buy.Number, Html.Escape(buy.Title), Html.Escape(context.Chat.Title ?? ""), joined)
                + (seen is { } rhythm ? "\n" + context.Text(rhythm == BuyRhythm.Monthly ? "RepeatSeenMonthly" : "RepeatSeenYearly", buy.Number) : "");
            return new Outcome
            {
                Privately = new PrivateRound(buy.ChatId, buy.ThreadId,
                    [new PrivateMessage(buy.Organizer.UserId, ClosingSummary.Mention(buy.Organizer), text)], UnreachedNotice.Silent),
            };
        }, ct);
        return said;
    }

    /// <summary>"🔔 Tell me next time" under a member's confirmation.</summary>
    public async Task<Outcome> TellMeNextTime(CommandContext tap, long buyId, CancellationToken ct)
    {
        var found = await store.Find(buyId, ct);
        if (found is null) return new Outcome { Toast = tap.Text("CallbackInvalid") };
        var group = await DeadlineCloser.InBuysChat(chats, found, tap, ct);
        return await store.Decide(group, buyId, buy => new Outcome
        {
            Toast = buy.AskToBeToldNextTime(tap.Actor.UserId) ? group.Text("TellNextTimeToast", buy.Number) : group.Text("TellNextTimeNotInIt", buy.Number),
        }, ct) ?? new Outcome { Toast = tap.Text("CallbackInvalid") };
    }

    /// <summary>The button under a formed buy's confirmation.</summary>
    public static IReadOnlyList<IReadOnlyList<ButtonSpec>> TellButton(CommandContext context, GroupBuy buy) =>
        [[new ButtonSpec(context.Text("TellNextTimeButton"), CallbackData.Format(CallbackData.Recurring, TellAction, buy.Id))]];

    /// <summary>A buy opened again: the members of the past one who asked hear it privately (and only once).</summary>
    public static PrivateRound? OpenedAgain(CommandContext context, GroupBuy buy)
    {
        if (buy.Status != GroupBuyStatus.Open || buy.TellWhenOpen.Count == 0) return null;
        var text = context.Text("OpenAgainNotice", Html.Escape(buy.Title), Html.Escape(context.Chat.Title ?? ""), buy.Number);
        var told = buy.TellWhenOpen.Select(id => new PrivateMessage(id, "", text)).ToList();
        buy.ToldWhenOpen();
        return new PrivateRound(buy.ChatId, buy.ThreadId, told, UnreachedNotice.Silent);
    }

    private static BuyRhythm? ParseRhythm(string text) => text.Trim().ToLowerInvariant() switch
    {
        "monthly" or "month" or "每月" or "每个月" or "月" => BuyRhythm.Monthly,
        "yearly" or "year" or "annually" or "每年" or "年" => BuyRhythm.Yearly,
        "off" or "none" or "no" or "关" or "关闭" or "不" => BuyRhythm.Off,
        _ => null,
    };
}
