namespace GroupBuyBot.Core.Discovery.Proposals;

/// <summary>A draft group buy for a need: the organizer confirms or edits it (and always gives the price).</summary>
public sealed record GroupBuyProposal(string Title, int MinUnits, int DeadlineDays)
{
    public const int MaxDeadlineDays = 30;
}

/// <summary>
/// The need a draft is for: its chat (whose model budget pays for a drafted proposal), summary, interested members and
/// the units they asked for (<see cref="Board.BoardNeed.RequestedUnits"/>; null when nobody said a number).
/// </summary>
public sealed record ProposalRequest(long ChatId, string Summary, int InterestedMembers, int? RequestedUnits = null);

/// <summary>Drafts a proposal for a need on the board.</summary>
public interface IGroupBuyProposer
{
    Task<GroupBuyProposal> Propose(ProposalRequest need, CancellationToken ct);

    /// <summary>True when a model writes the proposal (slow: it runs beside the update path).</summary>
    bool AsksModel => false;
}

/// <summary>
/// The offline proposal: the need's summary as the title, the units asked for (else the interested members) as the
/// minimum, three days to sign up. Also what a model's proposal falls back to.
/// </summary>
public sealed class EmbeddedGroupBuyProposer : IGroupBuyProposer
{
    public const int DefaultDeadlineDays = 3;

    public Task<GroupBuyProposal> Propose(ProposalRequest need, CancellationToken ct) => Task.FromResult(Default(need));

    public static GroupBuyProposal Default(ProposalRequest need)
    {
        var title = need.Summary.Trim();
        if (title.Length > 60) title = title[..60] + "…";
        var minimum = need.RequestedUnits is >= 1 and <= 1000 ? need.RequestedUnits.Value : need.InterestedMembers;
        return new GroupBuyProposal(title.Length == 0 ? "?" : title, Math.Max(2, minimum), DefaultDeadlineDays);
    }

    /// <summary>Keeps a model's proposal only when it is sane; otherwise the default.</summary>
    public static GroupBuyProposal Sanitize(GroupBuyProposal? proposal, ProposalRequest need)
    {
        var fallback = Default(need);
        if (proposal is null) return fallback;
        var title = new string([.. (proposal.Title ?? "").Where(ch => !char.IsControl(ch))]).Trim();
        return new GroupBuyProposal(
            title.Length is > 0 and <= 60 ? title : fallback.Title,
            proposal.MinUnits is >= 1 and <= 1000 ? proposal.MinUnits : fallback.MinUnits,
            proposal.DeadlineDays is >= 1 and <= GroupBuyProposal.MaxDeadlineDays ? proposal.DeadlineDays : fallback.DeadlineDays);
    }
}
