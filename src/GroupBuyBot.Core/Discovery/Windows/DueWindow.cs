namespace GroupBuyBot.Core.Discovery.Windows;

/// <summary>
/// A chat's window taken for reading: its messages, whether any message since the last reading carried a cue
/// (<see cref="ConversationWindow.HasNewCue"/>), and the chat's live needs (<see cref="LiveNeed"/>) its talk may join.
/// </summary>
public sealed record DueWindow(long ChatId, bool HasNewCue, IReadOnlyList<ChatMessage> Messages)
{
    /// <summary>The needs on the chat's board when the window was taken, as topics a later window may join.</summary>
    public IReadOnlyList<LiveNeed> Live { get; init; } = [];

    /// <summary>
    /// Wants raised in earlier windows that nobody had joined (<see cref="LiveNeed.Raised"/>), for the embedded extractor:
    /// a later join replying to one opens the need with its raiser. The model is not given them.
    /// </summary>
    public IReadOnlyList<LiveNeed> Raised { get; init; } = [];

    /// <summary>Which take of <see cref="ConversationWindows.TakeDue"/> this is (0: a window made otherwise, as the eval's whole mode does).</summary>
    public long Take { get; init; }
}
