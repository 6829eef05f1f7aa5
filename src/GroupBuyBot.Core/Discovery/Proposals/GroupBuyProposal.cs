namespace GroupBuyBot.Core.Discovery.Proposals;

/// <summary>A draft group buy for a need: the organizer confirms or edits it (and always gives the price).</summary>
public sealed record GroupBuyProposal(string Title, int MinUnits, int DeadlineDays)
{
    public const int MaxDeadlineDays = 30;
}

/// <summary>Drafts a proposal for a need on the board.</summary>
public interface IGroupBuyProposer
{
    Task<GroupBuyProposal> Propose(string summary, int interestedMembers, CancellationToken ct);
}

/// <summary>
/// The offline proposal: the need's summary as the title, the interested members as the minimum, three days to
/// sign up. Also what a model's proposal falls back to.
/// </summary>
public sealed class EmbeddedGroupBuyProposer : IGroupBuyProposer
{
    public const int DefaultDeadlineDays = 3;

    public Task<GroupBuyProposal> Propose(string summary, int interestedMembers, CancellationToken ct) =>
        Task.FromResult(Default(summary, interestedMembers));

    public static GroupBuyProposal Default(string summary, int interestedMembers)
    {
        var title = summary.Trim();
        if (title.Length > 60) title = title[..60] + "…";
        return new GroupBuyProposal(title.Length == 0 ? "?" : title, Math.Max(2, interestedMembers), DefaultDeadlineDays);
    }

    /// <summary>Keeps a model's proposal only when it is sane; otherwise the default.</summary>
    public static GroupBuyProposal Sanitize(GroupBuyProposal? proposal, string summary, int interestedMembers)
    {
        var fallback = Default(summary, interestedMembers);
        if (proposal is null) return fallback;
        var title = new string([.. (proposal.Title ?? "").Where(ch => !char.IsControl(ch))]).Trim();
        return new GroupBuyProposal(
            title.Length is > 0 and <= 60 ? title : fallback.Title,
            proposal.MinUnits is >= 1 and <= 1000 ? proposal.MinUnits : fallback.MinUnits,
            proposal.DeadlineDays is >= 1 and <= GroupBuyProposal.MaxDeadlineDays ? proposal.DeadlineDays : fallback.DeadlineDays);
    }
}
