namespace GroupBuyBot.Core.Discovery.Model;

/// <summary>
/// Model output is untrusted: a need is kept only if every user id and message id exists in the window,
/// each interested member has evidence of their own, no evidence is an instruction to the bot and at least
/// two members remain. Everything else is dropped with a reason (for the log). Quantities are a detail, never
/// a reason to drop a need: a total or a member's units outside 1–<see cref="MaxUnits"/> (a model's
/// <c>units: 0</c>) become null, and units of a member who is not kept are ignored. A need that continues one of the
/// chat's live needs ("live_need": "n1", <see cref="LiveNeed"/>) needs only one member with evidence in the window (the
/// board holds the others): its live members and messages from before the window are left out rather than rejected, and
/// a label that names no live need is rejected.
/// </summary>
public static class CandidateNeedValidator
{
    public const int MaxNeedsPerWindow = 10;
    public const int MaxSummaryLength = 120;
    public const int MaxUnits = 1000;

    public static (IReadOnlyList<ExtractedNeed> Accepted, IReadOnlyList<string> Rejected) Validate(
        IReadOnlyList<ChatMessage> window, IReadOnlyList<CandidateNeed> candidates) => Validate(window, candidates, []);

    /// <summary>The label of the live need at <paramref name="index"/> in the list the model was given: "n1", "n2"…</summary>
    public static string LiveLabel(int index) => "n" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static (IReadOnlyList<ExtractedNeed> Accepted, IReadOnlyList<string> Rejected) Validate(
        IReadOnlyList<ChatMessage> window, IReadOnlyList<CandidateNeed> candidates, IReadOnlyList<LiveNeed> live)
    {
        var byId = window.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        var authors = window.Select(m => m.FromId).ToHashSet();
        var accepted = new List<ExtractedNeed>();
        var rejected = new List<string>();
        foreach (var (candidate, index) in candidates.Select((c, i) => (c, i)))
        {
            if (index >= MaxNeedsPerWindow)
            {
                rejected.Add($"need {index}: more than {MaxNeedsPerWindow} needs in one window");
                continue;
            }

            var problem = Check(candidate, byId, authors, live, out var need);
            if (problem is null) accepted.Add(need!);
            else rejected.Add($"need {index}: {problem}");
        }

        return (accepted, rejected);
    }

    private static string? Check(CandidateNeed c, Dictionary<long, ChatMessage> byId, HashSet<long> authors, IReadOnlyList<LiveNeed> live, out ExtractedNeed? need)
    {
        need = null;
        LiveNeed? continued = null;
        if (c.LiveNeed is { Length: > 0 } label)
        {
            var index = Enumerable.Range(0, live.Count).FirstOrDefault(i => LiveLabel(i) == label, -1);
            if (index < 0) return $"live need {label} was not given";
            continued = live[index];
        }

        var summary = Clean(c.Summary);
        if (summary.Length == 0) summary = continued?.Summary ?? "";
        if (summary.Length == 0) return "no summary";
        if (c.Interested is not { Count: > 0 } interested || c.Evidence is not { Count: > 0 } evidence) return "no members or evidence";
        if (continued is not null)
        {
            // What the board already knows of the live need is no news, and no error either.
            interested = [.. interested.Where(id => authors.Contains(id) || !continued.Members.Contains(id))];
            evidence = [.. evidence.Where(id => byId.ContainsKey(id) || !continued.Evidence.Contains(id))];
        }

        var unknownUsers = interested.Where(id => !authors.Contains(id)).ToList();
        if (unknownUsers.Count > 0) return $"user ids not in the window: {string.Join(',', unknownUsers)}";
        var unknownMessages = evidence.Where(id => !byId.ContainsKey(id)).ToList();
        if (unknownMessages.Count > 0) return $"message ids not in the window: {string.Join(',', unknownMessages)}";

        // Evidence that tries to instruct the bot never counts, whatever the model made of it.
        var usable = evidence.Distinct().Where(id => NeedCues.Classify(byId[id].Text) != NeedAct.Instruction).ToList();
        var members = interested.Distinct().Where(user => usable.Any(id => byId[id].FromId == user)).ToList();
        if (members.Count < (continued is null ? 2 : 1)) return continued is null ? "fewer than two members with evidence of their own" : "no member with evidence of their own";

        var memberUnits = MemberUnits(c.MemberUnits, members);
        int? total = memberUnits.Count > 0 ? members.Sum(m => memberUnits.GetValueOrDefault(m, 1)) : Sane(c.Units);
        need = new ExtractedNeed(summary.Length > MaxSummaryLength ? summary[..MaxSummaryLength] : summary, members,
            [.. usable.Where(id => members.Contains(byId[id].FromId)).Order()], total, memberUnits.Count > 0 ? memberUnits : null, continued?.Id);
        return null;
    }

    private static int? Sane(int? units) => units is >= 1 and <= MaxUnits ? units : null;

    // The last sane number per kept member ("晓雯2盒" then "改成3盒" → 3).
    private static Dictionary<long, int> MemberUnits(IReadOnlyList<CandidateUnits>? said, List<long> members)
    {
        var units = new Dictionary<long, int>();
        foreach (var entry in said ?? [])
        {
            if (entry.Member is { } member && members.Contains(member) && Sane(entry.Units) is { } n) units[member] = n;
        }

        return units;
    }

    // Drops control and invisible format characters (RTL overrides, zero-width) a summary could smuggle.
    private static string Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : new string([.. text.Where(ch => !char.IsControl(ch) && char.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.Format)]).Trim();
}
