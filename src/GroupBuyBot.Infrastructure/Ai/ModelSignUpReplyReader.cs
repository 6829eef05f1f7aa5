using System.Text.Json;
using GroupBuyBot.Core.Discovery.Model;
using GroupBuyBot.Core.SignUps.Replies;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// Local rules first; only replies they flag as ambiguous go to the ReadSignUpReply prompt. Any failure, budget
/// limit or insane answer keeps the local guess, so a reply is never lost.
/// </summary>
public sealed class ModelSignUpReplyReader(LlmClient llm, LlmBudget budget, ILogger<ModelSignUpReplyReader> logger) : ISignUpReplyReader
{
    public async Task<SignUpReply> Read(string text, CancellationToken ct)
    {
        var local = SignUpReplyParser.Parse(text);
        if (!local.IsAmbiguous || budget.TryReserveCall(LlmBudget.NoChat) is not null) return local;
        try
        {
            var answer = await llm.Invoke("ReadSignUpReply", new KernelArguments { ["reply"] = text.Length > 400 ? text[..400] : text }, ct);
            budget.RecordTokens(LlmBudget.NoChat, answer.Tokens);
            return Validate(answer.Value) ?? Rejected(local, answer.Value);
        }
        catch (ModelUnavailableException e)
        {
            budget.RecordTokens(LlmBudget.NoChat, e.Tokens);
            logger.LogInformation("Sign-up reply read locally: model unavailable ({Reason})", e.Message);
            return local;
        }
    }

    /// <summary>The model's reading, or null when it is not one the bot may act on.</summary>
    public static SignUpReply? Validate(JsonElement answer)
    {
        var intent = answer.TryGetProperty("intent", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        int? quantity = answer.TryGetProperty("quantity", out var q) && q.ValueKind == JsonValueKind.Number && q.TryGetInt32(out var n) ? n : null;
        return intent switch
        {
            "join" when quantity is null or (>= 1 and <= 1000) => new SignUpReply(SignUpIntent.Join, quantity ?? 1, false),
            "set" when quantity is >= 1 and <= 1000 => new SignUpReply(SignUpIntent.Set, quantity, false),
            "leave" => new SignUpReply(SignUpIntent.Leave, null, false),
            "none" => new SignUpReply(SignUpIntent.None, null, false),
            _ => null,
        };
    }

    private SignUpReply Rejected(SignUpReply local, JsonElement answer)
    {
        logger.LogWarning("Dropped a model reading of a sign-up reply: {Answer}", answer.GetRawText().Length > 200 ? answer.GetRawText()[..200] : answer.GetRawText());
        return local;
    }
}
