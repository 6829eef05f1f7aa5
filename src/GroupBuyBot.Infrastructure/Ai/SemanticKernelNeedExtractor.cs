using System.Globalization;
using System.Text.Json;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Model;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// The ExtractNeeds prompt through <see cref="ModelGateway"/>: the window goes in as <see cref="PromptData.Window"/>
/// (members' names beside their ids unless <see cref="LlmOptions.SendMemberNames"/> is off), the answer comes back as
/// candidates for <see cref="CandidateNeedValidator"/>. An answer without a <c>needs</c> array is unusable as a whole.
/// </summary>
public sealed class SemanticKernelNeedExtractor(ModelGateway gateway, IOptions<LlmOptions> options) : IModelNeedExtractor
{
    public const string Function = "ExtractNeeds";

    public Task<ModelResult<IReadOnlyList<CandidateNeed>>> ExtractNeeds(long chatId, IReadOnlyList<ChatMessage> window, CancellationToken ct) =>
        gateway.Ask(chatId, Function, new KernelArguments { ["messages"] = PromptData.Window(window, options.Value.SendMemberNames) }, Read, ct);

    /// <summary>The candidates of an answer, or null when it has no <c>needs</c> array.</summary>
    public static IReadOnlyList<CandidateNeed>? Read(JsonElement answer)
    {
        if (!answer.TryGetProperty("needs", out var needs) || needs.ValueKind != JsonValueKind.Array) return null;

        var candidates = new List<CandidateNeed>();
        foreach (var need in needs.EnumerateArray())
        {
            if (need.ValueKind != JsonValueKind.Object) continue;
            candidates.Add(new CandidateNeed(
                need.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
                Ids(need, "interested"),
                Ids(need, "evidence"),
                Number(need, "units"),
                MemberUnits(need)));
        }

        return candidates;
    }

    // Null when missing or not all integers: the validator rejects the need rather than guessing.
    private static List<long>? Ids(JsonElement need, string name)
    {
        if (!need.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return null;
        var ids = new List<long>();
        foreach (var item in list.EnumerateArray())
        {
            if (Id(item) is { } id) ids.Add(id);
            else return null;
        }

        return ids;
    }

    private static long? Id(JsonElement item) =>
        item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var id) ? id
        : item.ValueKind == JsonValueKind.String && long.TryParse(item.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id) ? id
        : null;

    // Units are a detail: anything but a whole number reads as "not said", never as a broken need.
    private static int? Number(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    private static List<CandidateUnits>? MemberUnits(JsonElement need)
    {
        if (!need.TryGetProperty("member_units", out var list) || list.ValueKind != JsonValueKind.Array) return null;
        return [.. list.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.Object)
            .Select(item => new CandidateUnits(item.TryGetProperty("member", out var m) ? Id(m) : null, Number(item, "units")))];
    }
}
