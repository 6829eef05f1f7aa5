using GroupBuyBot.Core.Discovery.Windows;

namespace GroupBuyBot.Core.Discovery.Model;

/// <summary>
/// Which due windows share a model call: in the order given, as many as fit in one call (at most
/// <see cref="DiscoveryOptions.WindowsPerCall"/> windows and <see cref="DiscoveryOptions.MessagesPerCall"/> messages;
/// a window is never split, so one longer than that has a call of its own).
/// </summary>
public static class SharedCalls
{
    public static IReadOnlyList<IReadOnlyList<DueWindow>> Group(IReadOnlyList<DueWindow> windows, DiscoveryOptions options)
    {
        var calls = new List<IReadOnlyList<DueWindow>>();
        var current = new List<DueWindow>();
        var messages = 0;
        foreach (var window in windows)
        {
            var full = current.Count >= Math.Max(1, options.WindowsPerCall) || (current.Count > 0 && messages + window.Messages.Count > options.MessagesPerCall);
            if (full)
            {
                calls.Add(current);
                current = [];
                messages = 0;
            }

            current.Add(window);
            messages += window.Messages.Count;
        }

        if (current.Count > 0) calls.Add(current);
        return calls;
    }
}
