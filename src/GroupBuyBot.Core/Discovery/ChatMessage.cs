namespace GroupBuyBot.Core.Discovery;

/// <summary>One group-chat message as the need extractor sees it.</summary>
public sealed record ChatMessage(long Id, long FromId, string FromName, DateTimeOffset At, string Text, long? ReplyToId);

/// <summary>
/// A shared need: what is wanted, the members who want it and the messages where they said so.
/// </summary>
public sealed record ExtractedNeed(string Summary, IReadOnlyList<long> Interested, IReadOnlyList<long> Evidence);

/// <summary>Finds shared needs (two or more members wanting the same thing) in a window of messages.</summary>
public interface INeedExtractor
{
    Task<IReadOnlyList<ExtractedNeed>> ExtractAsync(IReadOnlyList<ChatMessage> window, CancellationToken ct);
}
