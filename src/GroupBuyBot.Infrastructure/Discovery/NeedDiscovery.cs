using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Model;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Discovery;

/// <summary>
/// Reads a window with the model when one is configured, within budget and available; otherwise (or when the
/// model fails or answers nonsense) with the embedded extractor, so a window is never lost. Model output is
/// validated: invalid needs are dropped and logged, never acted on.
/// </summary>
public sealed class NeedDiscovery(LlmBudget budget, ILogger<NeedDiscovery> logger, IModelNeedExtractor? model = null)
{
    public async Task<IReadOnlyList<ExtractedNeed>> Extract(long chatId, IReadOnlyList<ChatMessage> window, CancellationToken ct)
    {
        if (model is not null)
        {
            if (budget.TryReserveCall(chatId) is { } exhausted)
            {
                logger.LogInformation("Model budget reached ({Budget}) for chat {ChatId}: embedded extractor used", exhausted, chatId);
            }
            else
            {
                try
                {
                    var answer = await model.ExtractNeeds(window, ct);
                    budget.RecordTokens(chatId, answer.Tokens);
                    var (accepted, rejected) = CandidateNeedValidator.Validate(window, answer.Value);
                    foreach (var reason in rejected) logger.LogWarning("Dropped a model need in chat {ChatId}: {Reason}", chatId, reason);
                    logger.LogInformation(
                        "Model read {Messages} messages of chat {ChatId}: {Accepted} needs, {Rejected} dropped, {Tokens} tokens (total {TotalTokens} in {TotalCalls} calls)",
                        window.Count, chatId, accepted.Count, rejected.Count, answer.Tokens, budget.TotalTokens, budget.TotalCalls);
                    return accepted;
                }
                catch (ModelUnavailableException e)
                {
                    budget.RecordTokens(chatId, e.Tokens);
                    logger.LogWarning("Model unavailable for chat {ChatId} ({Reason}): embedded extractor used", chatId, e.Message);
                }
            }
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
