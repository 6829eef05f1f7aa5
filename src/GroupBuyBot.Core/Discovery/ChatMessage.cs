namespace GroupBuyBot.Core.Discovery;

/// <summary>One group-chat message as the need extractor sees it.</summary>
public sealed record ChatMessage(long Id, long FromId, string FromName, DateTimeOffset At, string Text, long? ReplyToId);

/// <summary>
/// A shared need: what is wanted, the members who want it and the messages where they said so. <paramref name="Units"/>
/// is how many units members asked for when they said numbers (null when nobody did), <paramref name="MemberUnits"/>
/// who asked for how many (only members who said a number; the rest want one each). <paramref name="LiveNeedId"/> is
/// the board need it joins (<see cref="LiveNeed"/>), when it is one the board already holds: then
/// <paramref name="Interested"/> and <paramref name="Evidence"/> are only what the window adds to it.
/// </summary>
public sealed record ExtractedNeed(
    string Summary,
    IReadOnlyList<long> Interested,
    IReadOnlyList<long> Evidence,
    int? Units = null,
    IReadOnlyDictionary<long, int>? MemberUnits = null,
    long? LiveNeedId = null);

/// <summary>Finds shared needs (two or more members wanting the same thing) in a window of messages.</summary>
public interface INeedExtractor
{
    Task<IReadOnlyList<ExtractedNeed>> ExtractAsync(IReadOnlyList<ChatMessage> window, CancellationToken ct);
}
