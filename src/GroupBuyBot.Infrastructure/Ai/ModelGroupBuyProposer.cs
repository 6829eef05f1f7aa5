using System.Globalization;
using System.Text.Json;
using GroupBuyBot.Core.Discovery.Proposals;
using Microsoft.SemanticKernel;

namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// The ProposeGroupBuy prompt through <see cref="ModelGateway"/> on the need's chat budget; its answer is sanitized,
/// and any failure gives the embedded proposal.
/// </summary>
public sealed class ModelGroupBuyProposer(ModelGateway gateway) : IGroupBuyProposer
{
    public const string Function = "ProposeGroupBuy";

    public bool AsksModel => true;

    public async Task<GroupBuyProposal> Propose(ProposalRequest need, CancellationToken ct)
    {
        var language = need.Summary.Any(ch => ch is >= '\u4e00' and <= '\u9fff') ? "Simplified Chinese" : "English";
        var arguments = new KernelArguments
        {
            ["need"] = PromptData.Inert(need.Summary),
            ["members"] = need.InterestedMembers.ToString(CultureInfo.InvariantCulture),
            ["units"] = need.RequestedUnits is { } units ? units.ToString(CultureInfo.InvariantCulture) : "not said",
            ["language"] = language,
        };
        var drafted = await gateway.Ask(need.ChatId, Function, arguments, Read, ct);
        return drafted.Answered ? EmbeddedGroupBuyProposer.Sanitize(drafted.Value, need) : EmbeddedGroupBuyProposer.Default(need);
    }

    private static GroupBuyProposal? Read(JsonElement a) => new(
        a.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "",
        a.TryGetProperty("min_units", out var m) && m.ValueKind == JsonValueKind.Number && m.TryGetInt32(out var min) ? min : 0,
        a.TryGetProperty("deadline_days", out var d) && d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var days) ? days : 0);
}
