using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Organizing;

/// <summary><c>/edit [#] field value</c> and <c>/extend [#] 2d</c>: an organizer changes an open buy.</summary>
public sealed class EditingHandler(IGroupBuyStore store, BuyLocator locator, OrganizerPolicy organizers, TimeProvider time)
{
    public async Task<Outcome> Edit(CommandContext context, string arguments, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        var rest = BuyReference.Split(arguments, allowBareNumber: true, out var number);
        var space = rest.IndexOfAny([' ', '\t', '\n']);
        var field = space > 0 ? GroupBuyFieldInput.ParseFieldName(rest[..space]) : null;
        if (field is null) return Outcome.Say(context.Text("EditUsage"));

        var value = rest[(space + 1)..];
        return await ChangeOpenBuy(context, number, "/edit", (buy, now) => GroupBuyFieldInput.TryApply(buy, field.Value, value, context, now),
            buy => context.Text("Edited", buy.Number), ct);
    }

    /// <summary>A relative value extends from the current deadline ("2 more days"); a date sets it.</summary>
    public async Task<Outcome> Extend(CommandContext context, string arguments, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        var value = BuyReference.Split(arguments, allowBareNumber: true, out var number);
        if (value.Length == 0) return Outcome.Say(context.Text("ExtendUsage"));

        return await ChangeOpenBuy(context, number, "/extend", (buy, now) =>
        {
            var current = buy.Deadline ?? now;
            var from = current > now ? current : now;
            // Relative values count from the current deadline; an absolute date only has to be in the future to be read.
            if (!DeadlineText.TryParse(value, from, context.Chat.TimeZone, out var deadline)
                && !DeadlineText.TryParse(value, now, context.Chat.TimeZone, out deadline))
            {
                return context.Text("BadDeadline", Html.Escape(value)) + "\n" + context.Text("ExtendUsage");
            }

            if (deadline <= current) return context.Text("ExtendNotLater", DeadlineText.Format(current, context.Chat.TimeZone));
            buy.SetDeadline(deadline);
            return null;
        }, buy => context.Text("Extended", buy.Number, DeadlineText.Format(buy.Deadline!.Value, context.Chat.TimeZone)), ct);
    }

    /// <param name="change">Returns a problem text (nothing saved) or null (saved).</param>
    private async Task<Outcome> ChangeOpenBuy(CommandContext context, int? number, string example,
        Func<GroupBuy, DateTimeOffset, string?> change, Func<GroupBuy, string> done, CancellationToken ct)
    {
        var (located, problem) = await locator.Locate(context, number, example, ct);
        if (problem is not null) return problem;

        var now = time.GetUtcNow();
        var decided = await store.Decide(context, located!.Id, buy =>
        {
            if (buy.Status != GroupBuyStatus.Open) return Outcome.Say(ClosingHandler.NotOpenText(context, buy));
            var failure = change(buy, now);
            if (failure is not null) return Outcome.Say(failure);

            // Turning auto-close on (or lowering the capacity) for a buy already full closes it now.
            return buy.CloseIfFull(now)
                ? new Outcome { Reply = done(buy) + "\n\n" + ClosingHandler.EndedText(context, buy), RefreshBuyId = buy.Id, Ended = buy }
                : new Outcome { Reply = done(buy), RefreshBuyId = buy.Id };
        }, ct);
        return decided ?? Outcome.Say(context.Text("BuyNotFound", located.Number));
    }
}
