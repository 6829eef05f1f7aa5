using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Model;
using GroupBuyBot.Core.Discovery.Windows;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Discovery;

/// <summary>
/// Reads windows with the model when one is configured (its gateway decides budget, cooldown and retries): several
/// chats' windows share one call (<see cref="SharedCalls"/>), a lone window has the single-chat prompt. Without a
/// model, or for every window of a call that gave no usable answer, the embedded extractor reads, so a window is
/// never lost. Model output is validated against the window it was given back under: invalid needs are dropped and
/// logged, never acted on.
/// </summary>
public sealed class NeedDiscovery(ILogger<NeedDiscovery> logger, IModelNeedExtractor? model = null, DiscoveryOptions? options = null) : INeedReader
{
    private readonly DiscoveryOptions _options = options ?? new DiscoveryOptions();

    /// <summary>Whether a model is configured at all (without one the embedded extractor is the extractor, not a fallback).</summary>
    public bool HasModel => model is not null;

    public async Task<NeedReadings> Read(IReadOnlyList<DueWindow> windows, CancellationToken ct)
    {
        if (model is null) return await new EmbeddedNeedReader().Read(windows, ct);

        var readings = new List<WindowReading>();
        int calls = 0;
        long tokens = 0;
        foreach (var call in SharedCalls.Group(windows, _options))
        {
            var (read, called, spent) = call.Count == 1 ? await ReadAlone(call[0], ct) : await ReadTogether(call, ct);
            readings.AddRange(read);
            calls += called;
            tokens += spent;
        }

        return new NeedReadings(readings, calls, tokens);
    }

    public async Task<IReadOnlyList<ExtractedNeed>> Extract(long chatId, IReadOnlyList<ChatMessage> window, CancellationToken ct) =>
        (await ReadAlone(new DueWindow(chatId, true, window), ct)).Readings[0].Needs;

    private async Task<(IReadOnlyList<WindowReading> Readings, int Calls, long Tokens)> ReadAlone(DueWindow window, CancellationToken ct)
    {
        if (model is null) return ([EmbeddedNeedReader.Reading(window)], 0, 0);

        var answer = await model.ExtractNeeds(window, ct);
        var calls = answer.Called ? 1 : 0;
        if (!answer.Answered) return ([Fallback(window, answer.Failure)], calls, answer.Tokens);

        return ([new WindowReading(window, Validated(window, answer.Value!, answer.Tokens), WindowReader.Model)], calls, answer.Tokens);
    }

    private async Task<(IReadOnlyList<WindowReading> Readings, int Calls, long Tokens)> ReadTogether(IReadOnlyList<DueWindow> windows, CancellationToken ct)
    {
        var answer = await model!.ExtractNeedsTogether(windows, ct);
        var calls = answer.Called ? 1 : 0;
        if (!answer.Answered && !answer.Called)
        {
            // Not sent (a chat's budget, the cooldown): each window on its own, within its own chat's budget.
            var alone = new List<WindowReading>();
            long spent = answer.Tokens;
            foreach (var window in windows)
            {
                var (readings, aloneCalls, aloneTokens) = await ReadAlone(window, ct);
                alone.AddRange(readings);
                calls += aloneCalls;
                spent += aloneTokens;
            }

            return (alone, calls, spent);
        }

        if (!answer.Answered) return ([.. windows.Select(w => Fallback(w, answer.Failure))], calls, answer.Tokens);

        foreach (var reason in answer.Value!.Dropped) logger.LogWarning("Dropped a model need of a shared call: {Reason}", reason);
        var share = answer.Tokens / windows.Count;
        return ([.. windows.Select((w, i) => new WindowReading(w, Validated(w, answer.Value.PerWindow[i], share), WindowReader.Model))], calls, answer.Tokens);
    }

    private IReadOnlyList<ExtractedNeed> Validated(DueWindow window, IReadOnlyList<CandidateNeed> candidates, int tokens)
    {
        var (accepted, rejected) = CandidateNeedValidator.Validate(window.Messages, candidates, window.Live);
        foreach (var reason in rejected) logger.LogWarning("Dropped a model need in chat {ChatId}: {Reason}", window.ChatId, reason);
        logger.LogInformation("Model read {Messages} messages of chat {ChatId}: {Accepted} needs, {Rejected} dropped, {Tokens} tokens",
            window.Messages.Count, window.ChatId, accepted.Count, rejected.Count, tokens);
        return accepted;
    }

    private WindowReading Fallback(DueWindow window, string? reason)
    {
        logger.LogInformation("Embedded extractor read {Messages} messages of chat {ChatId} instead of the model ({Reason})", window.Messages.Count, window.ChatId, reason);
        return EmbeddedNeedReader.Reading(window, WindowReader.Fallback);
    }
}

/// <summary>The <see cref="INeedExtractor"/> of <c>eval needs --whole</c>: the same model-or-embedded path on one window, outside any chat.</summary>
public sealed class ConfiguredNeedExtractor(NeedDiscovery discovery) : INeedExtractor
{
    public Task<IReadOnlyList<ExtractedNeed>> ExtractAsync(IReadOnlyList<ChatMessage> window, CancellationToken ct) =>
        discovery.Extract(LlmBudget.NoChat, window, ct);
}
