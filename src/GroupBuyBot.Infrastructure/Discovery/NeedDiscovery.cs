using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Model;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Discovery;

/// <summary>
/// Reads a window with the model when one is configured (its gateway decides budget, cooldown and retries);
/// otherwise, or when the model gave no usable answer, with the embedded extractor, so a window is never lost.
/// Model output is validated: invalid needs are dropped and logged, never acted on.
/// </summary>
public sealed class NeedDiscovery(ILogger<NeedDiscovery> logger, IModelNeedExtractor? model = null)
{
    /// <summary>Whether a model is configured at all (without one the embedded extractor is the extractor, not a fallback).</summary>
    public bool HasModel => model is not null;

    public async Task<IReadOnlyList<ExtractedNeed>> Extract(long chatId, IReadOnlyList<ChatMessage> window, CancellationToken ct)
    {
        if (model is not null)
        {
            var answer = await model.ExtractNeeds(chatId, window, ct);
            if (answer.Answered)
            {
                var (accepted, rejected) = CandidateNeedValidator.Validate(window, answer.Value!);
                foreach (var reason in rejected) logger.LogWarning("Dropped a model need in chat {ChatId}: {Reason}", chatId, reason);
                logger.LogInformation("Model read {Messages} messages of chat {ChatId}: {Accepted} needs, {Rejected} dropped, {Tokens} tokens",
                    window.Count, chatId, accepted.Count, rejected.Count, answer.Tokens);
                return accepted;
            }

            logger.LogInformation("Embedded extractor read {Messages} messages of chat {ChatId} instead of the model ({Reason})", window.Count, chatId, answer.Failure);
        }

        return EmbeddedNeedExtractor.Extract(window);
    }
}

/// <summary>The <see cref="INeedExtractor"/> of the eval CLI: the same model-or-embedded path, outside any chat.</summary>
public sealed class ConfiguredNeedExtractor(NeedDiscovery discovery) : INeedExtractor
{
    public Task<IReadOnlyList<ExtractedNeed>> ExtractAsync(IReadOnlyList<ChatMessage> window, CancellationToken ct) =>
        discovery.Extract(LlmBudget.NoChat, window, ct);
}
