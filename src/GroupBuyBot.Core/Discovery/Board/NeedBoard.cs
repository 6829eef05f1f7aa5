using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Discovery.Board;

/// <summary>
/// The rules of a chat's need board: an extracted need joins the board need it matches (shared evidence,
/// mostly the same members, or the same content words: "the same need mentioned hours apart"), members
/// accumulate (with the units they last asked for), a member who declines later is removed, idle needs expire,
/// and a need is suggested once.
/// </summary>
public static class NeedBoard
{
    private const int MaxMessageIdsPerMember = 20;

    /// <summary>Merges what was extracted from <paramref name="window"/> into <paramref name="board"/> (the chat's live needs; new ones are appended).</summary>
    public static void Merge(List<BoardNeed> board, long chatId, IReadOnlyList<ChatMessage> window, IReadOnlyList<ExtractedNeed> extracted, DateTimeOffset now)
    {
        var byId = window.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var need in extracted)
        {
            var match = (need.LiveNeedId is long live ? board.Find(n => n.Id == live) : null) ?? FindMatch(board, need);
            if (match is { Status: BoardNeedStatus.Never })
            {
                continue; // organizers said never: recognised and ignored
            }

            if (match is null)
            {
                match = new BoardNeed { ChatId = chatId, Summary = need.Summary, Status = BoardNeedStatus.Gathering, FirstSeenAt = now };
                board.Add(match);
            }

            foreach (var userId in need.Interested)
            {
                var said = need.Evidence.Where(id => byId.TryGetValue(id, out var m) && m.FromId == userId).ToList();
                var existing = match.Members.FindIndex(m => m.UserId == userId);
                var name = window.LastOrDefault(m => m.FromId == userId)?.FromName
                           ?? (existing >= 0 ? match.Members[existing].DisplayName : userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var at = said.Count > 0 ? said.Max(id => byId[id].At) : now;
                int? units = need.MemberUnits is { } perMember && perMember.TryGetValue(userId, out var n) ? n : null;
                if (existing < 0)
                {
                    match.Members.Add(new BoardMember(userId, name, said, at, units));
                }
                else
                {
                    // A number said again (a correction, a tally) replaces the one before: units are never summed across windows.
                    var old = match.Members[existing];
                    var ids = old.MessageIds.Union(said).Order().TakeLast(MaxMessageIdsPerMember).ToList();
                    match.Members[existing] = old with { DisplayName = name, MessageIds = ids, LastSaidAt = at > old.LastSaidAt ? at : old.LastSaidAt, Units = units ?? old.Units };
                }
            }

            match.LastActiveAt = now;
        }

        RemoveWithdrawn(board, window);
    }

    /// <summary>
    /// "有没有人想合买一台时光机" ← "+1 😭" was read two minutes in, before the raiser laughed it off: a later reading of the
    /// same messages that finds the talk a joke (<paramref name="jokes"/>: the messages that raised it) leaves the need,
    /// not yet suggested, without members, as if all had withdrawn (it leaves the board when idle). A need already
    /// suggested stays for the organisers to answer.
    /// </summary>
    public static void DropJokes(List<BoardNeed> board, IReadOnlyCollection<long> jokes)
    {
        if (jokes.Count == 0) return;
        foreach (var need in board.Where(n => n.Status == BoardNeedStatus.Gathering && n.EvidenceMessageIds.Any() && jokes.Contains(n.EvidenceMessageIds.Min())))
        {
            need.Members.Clear();
        }
    }

    /// <summary>True for a gathering need with enough members: post the (one) suggestion.</summary>
    public static bool IsReadyToSuggest(BoardNeed need, int threshold) =>
        need.Status == BoardNeedStatus.Gathering && need.Members.Count >= Math.Max(2, threshold);

    /// <summary>Needs nobody mentioned for <paramref name="idle"/>; "Never" needs are kept so they stay recognised.</summary>
    public static bool IsExpired(BoardNeed need, DateTimeOffset now, TimeSpan idle) =>
        need.Status != BoardNeedStatus.Never && need.LastActiveAt < now - idle;

    /// <summary>"Never for this": forget who was interested, remember only what it was.</summary>
    public static void MarkNever(BoardNeed need)
    {
        need.Status = BoardNeedStatus.Never;
        need.Members.Clear();
    }

    /// <summary>
    /// A member withdraws when they decline in the window after their last interest, about this need. Applied by
    /// <see cref="Merge"/>, and on its own to a window not worth a reading ("we're out, sorry" hours later, alone).
    /// </summary>
    public static void RemoveWithdrawn(List<BoardNeed> board, IReadOnlyList<ChatMessage> window)
    {
        foreach (var message in window)
        {
            if (NeedCues.Classify(message.Text) != NeedAct.Decline) continue;
            var memberOf = board.Where(n => n.Status != BoardNeedStatus.Never && n.Has(message.FromId)).ToList();
            if (memberOf.Count == 0) continue;

            var grams = ContentGrams.Of(ChatTextNormalizer.Normalize(message.Text));
            var about = memberOf.Where(n => message.ReplyToId is long parent && n.EvidenceMessageIds.Contains(parent)
                                           || grams.Overlaps(ContentGrams.Of(ChatTextNormalizer.Normalize(n.Summary)))).ToList();
            // "算了我不要了" with one need in play; but "Aircon we just serviced, no need" under the aircon need is about
            // that need, even when the member is only in another one.
            var aboutAnother = board.Any(n => !memberOf.Contains(n) && (message.ReplyToId is long p && n.EvidenceMessageIds.Contains(p)
                                                                       || grams.Overlaps(ContentGrams.Of(ChatTextNormalizer.Normalize(n.Summary)))));
            // A no that names something else ("just got a headlamp", "count me out for the relay") leaves no need of theirs.
            var text = ChatTextNormalizer.Normalize(message.Text);
            if (about.Count == 0 && memberOf.Count == 1 && !aboutAnother && !AnswersSomethingElse(message, memberOf[0], window)
                && !NeedCues.DeclinesSomethingElse(text, ContentGrams.Of(ChatTextNormalizer.Normalize(memberOf[0].Summary)))) about = memberOf;

            foreach (var need in about)
            {
                // "offsite transport update: company will arrange a bus, so no need" by the one who raised it calls the
                // need off for everyone; it is not the raiser taking back their interest while others still want it.
                if (RaisedBy(need) == message.FromId && message.ReplyToId is null && need.Members.Count > 1) continue;
                var member = need.Members.Find(m => m.UserId == message.FromId)!;
                if (member.MessageIds.Count == 0 || member.MessageIds.Max() < message.Id) need.Members.Remove(member);
            }
        }
    }

    /// <summary>
    /// A no is an answer to the message it replies to: "already ate, next time" under "lunch at the hawker centre?" and
    /// "not for me this time" under the massage update turn those down, not the order the member is in. True when the
    /// message replied to is in the window and is neither one of the need's own messages nor written by one of its members.
    /// </summary>
    private static bool AnswersSomethingElse(ChatMessage no, BoardNeed need, IReadOnlyList<ChatMessage> window) =>
        no.ReplyToId is long parentId && window.FirstOrDefault(m => m.Id == parentId) is { } parent
        && !need.EvidenceMessageIds.Contains(parentId) && !need.Has(parent.FromId);

    /// <summary>Who raised the need: the member whose message is the need's first.</summary>
    private static long? RaisedBy(BoardNeed need) =>
        need.Members.Where(m => m.MessageIds.Count > 0).MinBy(m => m.MessageIds.Min())?.UserId;

    /// <summary>Two needs' summaries name the same thing (two content words or characters in common): how linked groups' needs are matched.</summary>
    public static bool SameThing(string summary, string other) =>
        ContentGrams.Of(ChatTextNormalizer.Normalize(summary)).Intersect(ContentGrams.Of(ChatTextNormalizer.Normalize(other))).Count() >= 2;

    private static BoardNeed? FindMatch(List<BoardNeed> board, ExtractedNeed need)
    {
        var evidence = need.Evidence.ToHashSet();
        var interested = need.Interested.ToHashSet();
        var grams = ContentGrams.Of(ChatTextNormalizer.Normalize(need.Summary));
        return board
            .Select(n => (Need: n, Score: Score(n, evidence, interested, grams)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .Select(x => x.Need)
            .FirstOrDefault();
    }

    private static double Score(BoardNeed need, HashSet<long> evidence, HashSet<long> interested, HashSet<string> grams)
    {
        if (need.EvidenceMessageIds.Any(evidence.Contains)) return 3; // the same messages: the same need
        var members = need.Members.Select(m => m.UserId).ToHashSet();
        var union = members.Union(interested).Count();
        var jaccard = union == 0 ? 0 : (double)members.Intersect(interested).Count() / union;
        var shared = grams.Intersect(ContentGrams.Of(ChatTextNormalizer.Normalize(need.Summary))).Count();
        if (shared >= 2) return 2 + Math.Min(shared, 10) / 10.0;
        return jaccard >= 0.5 && shared >= 1 ? 1 + jaccard : 0;
    }
}
