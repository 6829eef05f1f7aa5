using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Discovery.Proposals;
using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.Features.Organizing;

namespace GroupBuyBot.Core.Features.Discovery;

/// <summary>What an organizer tapped under a suggestion.</summary>
public enum SuggestionChoice
{
    StartBuy,
    NotNow,
    Never,
}

/// <param name="Outcome">What the chat sees (a draft's question for "Start"), with the tap's toast.</param>
/// <param name="Decided">A line to append to the suggestion (its buttons then go); null when nothing was decided.</param>
public sealed record SuggestionDecision(Outcome Outcome, string? Decided);

/// <summary>
/// The organizer's answer to a suggestion. Only organizers decide; a suggestion is decided once. The bot never
/// opens a buy itself: "Start" creates a draft the organizer completes (the price is always theirs to give).
/// </summary>
public sealed class NeedSuggestionHandler(INeedBoardStore board, OrganizerPolicy organizers, IGroupBuyProposer proposer, NewBuyHandler newBuy)
{
    /// <summary>
    /// True when "Start" waits for a model's proposal: the tap is answered at once (<see cref="Drafting"/>) and
    /// <see cref="Decide"/> runs beside the update path.
    /// </summary>
    public bool StartIsSlow => proposer.AsksModel;

    /// <summary>The toast while the draft is being proposed; null when the member may not decide (Decide says why).</summary>
    public async Task<string?> Drafting(CommandContext context, CancellationToken ct) =>
        await organizers.IsOrganizer(context, ct) ? context.Text("SuggestionDrafting") : null;

    public async Task<SuggestionDecision> Decide(CommandContext context, SuggestionChoice choice, long needId, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return new SuggestionDecision(new Outcome { Toast = context.Text("OrganizersOnly") }, null);

        if (choice == SuggestionChoice.StartBuy) return await Start(context, needId, ct);

        var decided = await board.ChangeNeed(needId, need =>
        {
            if (!IsUndecided(need, context)) return null;
            var snapshot = (need!.Summary, Members: need.Members.Count);
            if (choice == SuggestionChoice.NotNow) need.Status = BoardNeedStatus.NotNow;
            else NeedBoard.MarkNever(need);
            return ((string Summary, int Members)?)snapshot;
        }, ct);
        if (decided is null) return new SuggestionDecision(new Outcome { Toast = context.Text("SuggestionGone") }, null);

        var who = Html.Escape(context.Actor.DisplayName);
        switch (choice)
        {
            case SuggestionChoice.NotNow:
                return new SuggestionDecision(new Outcome { Toast = context.Text("SuggestionNotNow", context.Actor.DisplayName) }, context.Text("SuggestionNotNow", who));
            default:
                return new SuggestionDecision(new Outcome { Toast = context.Text("SuggestionNever", context.Actor.DisplayName) }, context.Text("SuggestionNever", who));
        }
    }

    /// <summary>
    /// "Start a group buy": the draft is created (one transaction, recognised if the tap is redelivered) before the
    /// need is marked started, so a failure in between leaves a suggestion to tap again, never a lost draft.
    /// </summary>
    private async Task<SuggestionDecision> Start(CommandContext context, long needId, CancellationToken ct)
    {
        var need = await board.ChangeNeed(needId, n => IsUndecided(n, context)
            ? (Summary: n!.Summary, Members: n.Members.Count, Units: n.RequestedUnits())
            : default((string Summary, int Members, int? Units)?), ct);
        if (need is not { } found) return new SuggestionDecision(new Outcome { Toast = context.Text("SuggestionGone") }, null);

        var proposal = await proposer.Propose(new ProposalRequest(context.ChatId, found.Summary, found.Members, found.Units), ct);
        var draft = await newBuy.StartFromProposal(context, proposal, ct);
        await board.ChangeNeed(needId, n =>
        {
            if (IsUndecided(n, context)) n!.Status = BoardNeedStatus.Started;
            return true;
        }, ct);
        return new SuggestionDecision(draft, context.Text("SuggestionStarted", Html.Escape(context.Actor.DisplayName)));
    }

    private static bool IsUndecided(BoardNeed? need, CommandContext context) =>
        need is not null && need.ChatId == context.ChatId && need.Status == BoardNeedStatus.Suggested;
}
