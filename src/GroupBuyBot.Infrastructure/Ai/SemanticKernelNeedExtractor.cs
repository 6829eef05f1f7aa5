using System.Globalization;
using System.Text;
using System.Text.Json;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Model;
using Microsoft.SemanticKernel;

namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// The ExtractNeeds prompt: the window goes in as JSON lines (ids and text only, no names), the answer comes back
/// as candidates for <see cref="CandidateNeedValidator"/>. An answer of the wrong shape is unusable as a whole.
/// </summary>
public sealed class SemanticKernelNeedExtractor(LlmClient llm) : IModelNeedExtractor
{
    public async Task<ModelAnswer<IReadOnlyList<CandidateNeed>>> ExtractNeeds(IReadOnlyList<ChatMessage> window, CancellationToken ct)
    {
        var answer = await llm.Invoke("ExtractNeeds", new KernelArguments { ["messages"] = Lines(window) }, ct);
        if (!answer.Value.TryGetProperty("needs", out var needs) || needs.ValueKind != JsonValueKind.Array)
        {
            throw new ModelUnavailableException("ExtractNeeds: the answer has no 'needs' array", tokens: answer.Tokens);
        }

        var candidates = new List<CandidateNeed>();
        foreach (var need in needs.EnumerateArray())
        {
            if (need.ValueKind != JsonValueKind.Object) continue;
            candidates.Add(new CandidateNeed(
                need.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
                Ids(need, "interested"),
                Ids(need, "evidence"),
                need.TryGetProperty("units", out var u) && u.ValueKind == JsonValueKind.Number && u.TryGetInt32(out var units) ? units : null));
        }

        return new ModelAnswer<IReadOnlyList<CandidateNeed>>(candidates, answer.Tokens);
    }

    /// <summary>One JSON object per message: the prompt's data block.</summary>
    public static string Lines(IReadOnlyList<ChatMessage> window)
    {
        var text = new StringBuilder();
        foreach (var m in window)
        {
            text.Append(JsonSerializer.Serialize(new { id = m.Id, from = m.FromId, reply_to = m.ReplyToId, text = m.Text.Length > 500 ? m.Text[..500] : m.Text }))
                .Append('\n');
        }

        return text.ToString();
    }

    // Null when missing or not all integers: the validator rejects the need rather than guessing.
    private static List<long>? Ids(JsonElement need, string name)
    {
        if (!need.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return null;
        var ids = new List<long>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var id)) ids.Add(id);
            else if (item.ValueKind == JsonValueKind.String && long.TryParse(item.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id)) ids.Add(id);
            else return null;
        }

        return ids;
    }
}
