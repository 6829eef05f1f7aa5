namespace GroupBuyBot.Core.Discovery.Model;

/// <summary>A need as a language model returned it: untrusted until <see cref="CandidateNeedValidator"/> accepts it.</summary>
/// <param name="Units">The total the model read ("units"); null when missing.</param>
/// <param name="MemberUnits">Who asked for how many ("member_units"): a tally by name ("Sophie 1, Kumar 1") mapped to ids.</param>
/// <param name="LiveNeed">The label of the live need it joins ("live_need": "n1" for the first <see cref="LiveNeed"/> given); null for a new one.</param>
public sealed record CandidateNeed(
    string? Summary,
    IReadOnlyList<long>? Interested,
    IReadOnlyList<long>? Evidence,
    int? Units,
    IReadOnlyList<CandidateUnits>? MemberUnits = null,
    string? LiveNeed = null);

/// <summary>One member's units as the model read them; either part may be missing or wrong.</summary>
public sealed record CandidateUnits(long? Member, int? Units);

/// <summary>
/// What one model call gave: the answer, or why there is none (the caller then uses its fallback: the embedded
/// extractor, the local reply rules, the default proposal), and the tokens it cost either way. <paramref name="Called"/>
/// is false when no request went out at all (budget, cooldown).
/// </summary>
public sealed record ModelResult<T>(bool Answered, T? Value, string? Failure, int Tokens, bool Called = true);

/// <summary>Builds <see cref="ModelResult{T}"/>s.</summary>
public static class ModelResult
{
    public static ModelResult<T> Answer<T>(T value, int tokens) => new(true, value, null, tokens);

    public static ModelResult<T> Fallback<T>(string reason, int tokens = 0, bool called = true) => new(false, default, reason, tokens, called);
}

/// <summary>
/// The model's candidates for several chats' windows read in one call: one list per window, in the order given, and
/// what was dropped before validation because it named ids of another chat or a chat that was not asked about.
/// </summary>
public sealed record SharedCallCandidates(IReadOnlyList<IReadOnlyList<CandidateNeed>> PerWindow, IReadOnlyList<string> Dropped);

/// <summary>Reads needs from a window with a language model. Implementations live in Infrastructure (Semantic Kernel).</summary>
public interface IModelNeedExtractor
{
    /// <summary>
    /// The model's candidates, or a fallback result (budget, cooldown, provider failure, unreadable answer): never
    /// throws for the model's sake. The call counts against <paramref name="chatId"/>'s budget.
    /// </summary>
    Task<ModelResult<IReadOnlyList<CandidateNeed>>> ExtractNeeds(long chatId, IReadOnlyList<ChatMessage> window, CancellationToken ct) =>
        ExtractNeeds(new Windows.DueWindow(chatId, true, window), ct);

    /// <summary>
    /// <see cref="ExtractNeeds(long, IReadOnlyList{ChatMessage}, CancellationToken)"/> of a taken window, with the chat's
    /// live needs (<see cref="Windows.DueWindow.Live"/>) given to the model as needs it may continue.
    /// </summary>
    Task<ModelResult<IReadOnlyList<CandidateNeed>>> ExtractNeeds(Windows.DueWindow window, CancellationToken ct);

    /// <summary>
    /// Several chats' windows in one call. Each candidate is given back under the window it came from, in that
    /// window's own ids; one that names ids of another window is dropped. The call counts against every chat's budget.
    /// </summary>
    Task<ModelResult<SharedCallCandidates>> ExtractNeedsTogether(IReadOnlyList<Windows.DueWindow> windows, CancellationToken ct);
}
