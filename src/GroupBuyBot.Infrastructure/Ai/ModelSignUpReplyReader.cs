using System.Text.Json;
using GroupBuyBot.Core.Discovery.Model;
using GroupBuyBot.Core.SignUps.Replies;
using Microsoft.SemanticKernel;

namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// Local rules first; only replies they flag as ambiguous go to the ReadSignUpReply prompt, through
/// <see cref="ModelGateway"/> on the chat's budget. Any failure, budget limit or insane answer keeps the local guess,
/// so a reply is never lost.
/// </summary>
public sealed class ModelSignUpReplyReader(ModelGateway gateway) : ISignUpReplyReader
{
    public const string Function = "ReadSignUpReply";

    public Task<SignUpReply> Read(string text, CancellationToken ct) => Read(LlmBudget.NoChat, text, ct);

    public bool AsksModel => true;

    public async Task<SignUpReply> Read(long chatId, string text, CancellationToken ct)
    {
        var local = SignUpReplyParser.Parse(text);
        if (!local.IsAmbiguous) return local;
        var reply = PromptData.Inert(text.Length > 400 ? text[..400] : text);
        var read = await gateway.Ask(chatId, Function, new KernelArguments { ["reply"] = reply }, Validate, ct);
        return read.Answered ? read.Value! : local;
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
}
