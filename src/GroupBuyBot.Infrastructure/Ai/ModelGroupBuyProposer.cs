using System.Globalization;
using System.Text.Json;
using GroupBuyBot.Core.Discovery.Model;
using GroupBuyBot.Core.Discovery.Proposals;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>The ProposeGroupBuy prompt; its answer is sanitized, and any failure gives the embedded proposal.</summary>
public sealed class ModelGroupBuyProposer(LlmClient llm, LlmBudget budget, ILogger<ModelGroupBuyProposer> logger) : IGroupBuyProposer
{
    public async Task<GroupBuyProposal> Propose(string summary, int interestedMembers, CancellationToken ct)
    {
        if (budget.TryReserveCall(LlmBudget.NoChat) is not null) return EmbeddedGroupBuyProposer.Default(summary, interestedMembers);
        try
        {
            var language = summary.Any(ch => ch is >= '\u4e00' and <= '\u9fff') ? "Simplified Chinese" : "English";
            var answer = await llm.Invoke("ProposeGroupBuy", new KernelArguments
            {
                ["need"] = summary,
                ["members"] = interestedMembers.ToString(CultureInfo.InvariantCulture),
                ["language"] = language,
            }, ct);
            budget.RecordTokens(LlmBudget.NoChat, answer.Tokens);
            var a = answer.Value;
            var proposal = new GroupBuyProposal(
                a.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "",
                a.TryGetProperty("min_units", out var m) && m.TryGetInt32(out var min) ? min : 0,
                a.TryGetProperty("deadline_days", out var d) && d.TryGetInt32(out var days) ? days : 0);
            return EmbeddedGroupBuyProposer.Sanitize(proposal, summary, interestedMembers);
        }
        catch (Exception e) when (e is ModelUnavailableException or InvalidOperationException)
        {
            logger.LogInformation("Proposal drafted locally: {Reason}", e.Message);
            return EmbeddedGroupBuyProposer.Default(summary, interestedMembers);
        }
    }
}
