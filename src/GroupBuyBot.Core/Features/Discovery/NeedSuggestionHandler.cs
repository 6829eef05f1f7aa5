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
    public async Task<SuggestionDecision> Decide(CommandContext context, SuggestionChoice choice, long needId, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return new SuggestionDecision(new Outcome { Toast = context.Text("OrganizersOnly") }, null);

        var decided = await board.ChangeNeed(needId, need =>
        {
            if (need is null || need.ChatId != context.ChatId || need.Status != BoardNeedStatus.Suggested) return null;
            var snapshot = (need.Summary, Members: need.Members.Count, Units: need.RequestedUnits());
            switch (choice)
            {
                case SuggestionChoice.StartBuy: need.Status = BoardNeedStatus.Started; break;
                case SuggestionChoice.NotNow: need.Status = BoardNeedStatus.NotNow; break;
                default: NeedBoard.MarkNever(need); break;
            }

            return ((string Summary, int Members, int? Units)?)snapshot;
        }, ct);
        if (decided is not { } need) return new SuggestionDecision(new Outcome { Toast = context.Text("SuggestionGone") }, null);

        var who = Html.Escape(context.Actor.DisplayName);
        switch (choice)
        {
            case SuggestionChoice.StartBuy:
                var proposal = await proposer.Propose(new ProposalRequest(context.ChatId, need.Summary, need.Members, need.Units), ct);
                var draft = await newBuy.StartFromProposal(context, proposal, ct);
                return new SuggestionDecision(draft, context.Text("SuggestionStarted", who));
            case SuggestionChoice.NotNow:
                return new SuggestionDecision(new Outcome { Toast = context.Text("SuggestionNotNow", context.Actor.DisplayName) }, context.Text("SuggestionNotNow", who));
            default:
                return new SuggestionDecision(new Outcome { Toast = context.Text("SuggestionNever", context.Actor.DisplayName) }, context.Text("SuggestionNever", who));
        }
    }
}
