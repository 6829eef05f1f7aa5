using GroupBuyBot.Core.Discovery.Proposals;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.NewBuy;

/// <summary>
/// <c>/newbuy title | price | minimum | deadline [| capacity]</c>. Fields left out are asked for one by one;
/// the organizer answers by replying to the bot's question. The draft is stored, so a restart loses nothing.
/// </summary>
public sealed class NewBuyHandler(IGroupBuyStore store, OrganizerPolicy organizers, TimeProvider time)
{
    private static readonly GroupBuyField[] PositionalFields =
        [GroupBuyField.Title, GroupBuyField.Price, GroupBuyField.MinUnits, GroupBuyField.Deadline, GroupBuyField.Capacity];

    public async Task<Outcome> Start(CommandContext context, string arguments, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);

        var values = arguments.Split(['|', '｜'], StringSplitOptions.TrimEntries);
        if (values.Length > PositionalFields.Length) return Outcome.Say(context.Text("NewBuyUsage"));

        // Validate everything on a scratch draft first: a malformed command creates nothing.
        var now = time.GetUtcNow();
        var scratch = GroupBuy.CreateDraft(context.ChatId, context.ThreadId, 0, context.Actor, now);
        var problems = Fill(scratch, values, context, now);
        if (problems.Count > 0) return Outcome.Say(string.Join('\n', problems) + "\n\n" + context.Text("NewBuyUsage"));

        return await store.CreateAndDecide(context, number =>
        {
            var draft = GroupBuy.CreateDraft(context.ChatId, context.ThreadId, number, context.Actor, now);
            Fill(draft, values, context, now);
            draft.Open(now);
            return draft;
        }, buy => NextStep(context, buy), ct);
    }

    /// <summary>
    /// "Start a group buy" on a suggestion: a draft prefilled from the proposal (title, minimum, deadline); the
    /// organizer is asked for what is missing (the price: the bot never sets one) and can /edit the rest.
    /// </summary>
    public async Task<Outcome> StartFromProposal(CommandContext context, GroupBuyProposal proposal, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var intro = context.Text("SuggestionDraft", Html.Escape(proposal.Title), proposal.MinUnits, proposal.DeadlineDays);
        return await store.CreateAndDecide(context, number =>
        {
            var draft = GroupBuy.CreateDraft(context.ChatId, context.ThreadId, number, context.Actor, now);
            draft.SetTitle(proposal.Title.Length > GroupBuy.MaxTitleLength ? proposal.Title[..GroupBuy.MaxTitleLength] : proposal.Title);
            draft.SetMinUnits(proposal.MinUnits);
            draft.SetDeadline(now.AddDays(proposal.DeadlineDays));
            return draft;
        }, buy =>
        {
            var next = NextStep(context, buy);
            return next with { Reply = intro + "\n" + next.Reply };
        }, ct);
    }

    /// <summary>
    /// <c>/again [#]</c>: a draft from a past buy of the chat (the newest one without a number) with the same terms, for
    /// the organizer to give a deadline (asked by reply, as for <c>/newbuy</c>) and /edit what changed.
    /// </summary>
    public async Task<Outcome> Again(CommandContext context, string arguments, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        var rest = BuyReference.Split(arguments, allowBareNumber: true, out var number);
        if (rest.Length > 0) return Outcome.Say(context.Text("AgainUsage"));
        var past = number is { } n ? await store.FindByNumber(context.ChatId, n, ct) : await store.FindNewest(context.ChatId, ct);
        if (past is null) return Outcome.Say(number is { } missing ? context.Text("BuyNotFound", missing) : context.Text("AgainNothing"));

        var now = time.GetUtcNow();
        return await store.CreateAndDecide(context, next => past.Again(next, context.Actor, context.ThreadId, now), buy =>
        {
            var step = NextStep(context, buy);
            return step with { Reply = context.Text("AgainDraft", past.Number, Html.Escape(past.Title)) + "\n" + step.Reply };
        }, ct);
    }

    /// <summary>A reply to one of the bot's draft questions. Returns null when the message answers no draft.</summary>
    public async Task<Outcome?> Answer(CommandContext context, string text, CancellationToken ct)
    {
        if (context.ReplyToMessageId is not { } promptId) return null;
        var draft = await store.FindDraftByPrompt(context.ChatId, promptId, ct);
        if (draft is null) return null;
        if (draft.Organizer.UserId != context.Actor.UserId) return null; // others' replies to the question are chat

        var now = time.GetUtcNow();
        var decided = await store.Decide(context, draft.Id, buy =>
        {
            // Answered meanwhile (a second reply to the same question): nothing more to ask.
            if (buy.Status != GroupBuyStatus.Draft || buy.MissingFields.Count == 0) return Outcome.Nothing;
            var problem = GroupBuyFieldInput.TryApply(buy, buy.MissingFields[0], text, context, now);
            if (problem is null) buy.Open(now);
            var next = NextStep(context, buy);
            return problem is null ? next : next with { Reply = problem + "\n" + next.Reply };
        }, ct);
        return decided ?? Outcome.Nothing;
    }

    private static Outcome NextStep(CommandContext context, GroupBuy buy)
    {
        if (buy.Status == GroupBuyStatus.Open)
        {
            var opened = buy.HasOptions ? context.Text("BuyOpenedOptions", buy.Number, Html.Escape(buy.Options[0].Name)) : context.Text("BuyOpened", buy.Number);
            return new Outcome { Announce = buy, Reply = opened, Privately = Recurring.RecurringBuys.OpenedAgain(context, buy) };
        }

        var question = buy.MissingFields[0] switch
        {
            GroupBuyField.Title => context.Text("AskTitle"),
            GroupBuyField.Price => context.Text("AskPrice", context.Text("DefaultUnit")),
            GroupBuyField.MinUnits => context.Text("AskMinUnits"),
            _ => context.Text("AskDeadline"),
        };
        return new Outcome { AskFor = buy, Reply = question };
    }

    private static List<string> Fill(GroupBuy buy, string[] values, CommandContext context, DateTimeOffset now)
    {
        var problems = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Length == 0) continue;
            var problem = GroupBuyFieldInput.TryApply(buy, PositionalFields[i], values[i], context, now);
            if (problem is not null) problems.Add(problem);
        }

        return problems;
    }
}
