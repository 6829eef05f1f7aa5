using GroupBuyBot.Core.Discovery.Windows;

namespace GroupBuyBot.Core.Discovery;

/// <summary>Who read a window: the model, the embedded extractor because the model gave no answer, or the embedded extractor as the only one configured.</summary>
public enum WindowReader
{
    Model,
    Fallback,
    Embedded,
}

/// <summary>The needs found in one chat's window, and who found them.</summary>
public sealed record WindowReading(DueWindow Window, IReadOnlyList<ExtractedNeed> Needs, WindowReader ReadBy)
{
    /// <summary>Wants the window raised that nobody joined in it (embedded extractor only), remembered for later windows.</summary>
    public IReadOnlyList<LiveNeed> Raised { get; init; } = [];

    /// <summary>
    /// Messages that raised what the window shows to be a joke (embedded extractor only): a need an earlier, shorter
    /// window put on the board from them, before the laughter, leaves it (<see cref="Board.NeedBoard.DropJokes"/>).
    /// </summary>
    public IReadOnlyList<long> Jokes { get; init; } = [];
}

/// <summary>What reading a set of windows gave: one reading per window, the model calls made for them (several windows can share one) and their tokens.</summary>
public sealed record NeedReadings(IReadOnlyList<WindowReading> Windows, int ModelCalls, long Tokens);

/// <summary>
/// Reads due windows of one or more chats for needs. Implementations may read several chats' windows in one model
/// call, but each need they return belongs to the window it came from: nothing of one chat is a need of another.
/// </summary>
public interface INeedReader
{
    Task<NeedReadings> Read(IReadOnlyList<DueWindow> windows, CancellationToken ct);
}

/// <summary>The reader without a model: the embedded extractor on each window, with the chat's live needs as topics.</summary>
public sealed class EmbeddedNeedReader : INeedReader
{
    /// <summary>One window read by the embedded extractor, as the only reader or as the model's fallback.</summary>
    public static WindowReading Reading(DueWindow window, WindowReader by = WindowReader.Embedded)
    {
        var (needs, raised, jokes) = EmbeddedNeedExtractor.ReadWithJokes(window.Messages, window.Live, window.Raised);
        return new WindowReading(window, needs, by) { Raised = raised, Jokes = jokes };
    }

    public Task<NeedReadings> Read(IReadOnlyList<DueWindow> windows, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(new NeedReadings([.. windows.Select(w => Reading(w))], 0, 0));
    }
}
