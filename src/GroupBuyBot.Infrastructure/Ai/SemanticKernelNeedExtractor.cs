using System.Globalization;
using System.Text.Json;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Model;
using GroupBuyBot.Core.Discovery.Windows;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// The ExtractNeeds prompt through <see cref="ModelGateway"/>: the window goes in as <see cref="PromptData.Window"/>
/// (members' names beside their ids unless <see cref="LlmOptions.SendMemberNames"/> is off), the answer comes back as
/// candidates for <see cref="CandidateNeedValidator"/>. An answer without a <c>needs</c> array is unusable as a whole. The
/// chat's live needs go in too (<see cref="PromptData.LiveNeeds"/>), so talk that continues one is given back under its label.
/// </summary>
public sealed class SemanticKernelNeedExtractor(ModelGateway gateway, IOptions<LlmOptions> options) : IModelNeedExtractor
{
    public const string Function = "ExtractNeeds";

    /// <summary>The prompt that reads several chats' windows in one call (the same rules, the data and answer per chat).</summary>
    public const string TogetherFunction = "ExtractNeedsTogether";

    public Task<ModelResult<IReadOnlyList<CandidateNeed>>> ExtractNeeds(DueWindow window, CancellationToken ct) =>
        gateway.Ask(window.ChatId, Function, new KernelArguments { ["messages"] = PromptData.Window(window.Messages, options.Value.SendMemberNames, window.Live) }, Read, ct);

    public Task<ModelResult<SharedCallCandidates>> ExtractNeedsTogether(IReadOnlyList<DueWindow> windows, CancellationToken ct)
    {
        var (data, ids) = PromptData.Chats(windows, options.Value.SendMemberNames);
        return gateway.Ask([.. windows.Select(w => w.ChatId)], TogetherFunction, new KernelArguments { ["chats"] = data }, answer => ReadTogether(answer, ids), ct);
    }

    /// <summary>
    /// The candidates of a shared call's answer (<c>{"chats":[{"chat":"c1","needs":[…]}]}</c>) per chat, in each chat's
    /// real ids; null when it has no <c>chats</c> array. A need that names a member or message its chat does not have
    /// (another chat's, or none) is dropped whole, as is an entry for a chat that was not asked about.
    /// </summary>
    public static SharedCallCandidates? ReadTogether(JsonElement answer, SharedCallIds ids)
    {
        if (!answer.TryGetProperty("chats", out var chats) || chats.ValueKind != JsonValueKind.Array) return null;

        var labels = ids.Labels;
        var perWindow = labels.Select(_ => new List<CandidateNeed>()).ToList();
        var dropped = new List<string>();
        foreach (var entry in chats.EnumerateArray())
        {
            var label = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("chat", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var index = label is null ? -1 : labels.ToList().IndexOf(label);
            if (index < 0 || Read(entry) is not { } needs)
            {
                dropped.Add($"an answer for a chat that was not asked about ({label ?? "no label"})");
                continue;
            }

            foreach (var need in needs)
            {
                if (InChat(need, label!, ids) is { } real) perWindow[index].Add(real);
                else dropped.Add($"a need of {label} that names members or messages outside that chat");
            }
        }

        return new SharedCallCandidates(perWindow, dropped);
    }

    // The need in its chat's real ids, or null when any id is not that chat's.
    private static CandidateNeed? InChat(CandidateNeed need, string chat, SharedCallIds ids)
    {
        var interested = need.Interested?.Select(id => ids.RealMember(chat, id)).ToList();
        var evidence = need.Evidence?.Select(id => ids.RealMessage(chat, id)).ToList();
        if (interested?.Contains(null) == true || evidence?.Contains(null) == true) return null;
        return need with
        {
            Interested = interested?.Select(id => id!.Value).ToList(),
            Evidence = evidence?.Select(id => id!.Value).ToList(),
            MemberUnits = need.MemberUnits?.Select(u => u with { Member = u.Member is { } m ? ids.RealMember(chat, m) : null }).ToList(),
        };
    }

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
                MemberUnits(need),
                need.TryGetProperty("live_need", out var live) && live.ValueKind == JsonValueKind.String ? live.GetString() : null));
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
