using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// Chat text as discovery's cues and content grams read it: <see cref="ChatTextNormalizer"/>'s shape, and traditional
/// Chinese characters in their simplified forms (<see cref="TraditionalFold"/>), so "我有興趣" and "我有兴趣" are one cue
/// and "赤玉土" named in either script one topic.
/// </summary>
public static class DiscoveryText
{
    public static string Normalize(string? text) => TraditionalFold.Fold(ChatTextNormalizer.Normalize(text));
}
