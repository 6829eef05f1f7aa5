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
public sealed record WindowReading(DueWindow Window, IReadOnlyList<ExtractedNeed> Needs, WindowReader ReadBy);

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
