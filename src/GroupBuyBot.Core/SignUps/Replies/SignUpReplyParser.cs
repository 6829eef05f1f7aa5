using System.Text;
using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Reads a free-text reply to a group-buy announcement ("+1", "我也要两份", "改成4份",
/// "sorry I'm out") with local rules. Never throws; flags its own doubt via
/// <see cref="SignUpReply.IsAmbiguous"/> so the caller can ask an LLM.
/// </summary>
public static class SignUpReplyParser
{
    // Replies are short; anything longer is not a plain sign-up and is cut to bound the work.
    private const int MaxReplyChars = 400;

    public static SignUpReply Parse(string text)
    {
        try
        {
            return ParseNormalized(ChatTextNormalizer.Normalize(text, MaxReplyChars).Trim(), text?.Length > MaxReplyChars);
        }
        catch (Exception)
        {
            // A rule bug must not take the bot down: say "unsure" and let the caller decide.
            return new SignUpReply(SignUpIntent.None, null, true);
        }
    }

    private static SignUpReply ParseNormalized(string text, bool truncated)
    {
        if (text.Length == 0 || ReplyCues.OnlyPleasantries().IsMatch(text))
        {
            return SignUpReply.NoneCertain;
        }

        if (ReplyCues.Injection().IsMatch(text) || ReplyCues.SameQuestion().IsMatch(text))
        {
            return SignUpReply.NoneCertain;
        }

        var statements = BlankQuestions(text, out var hadQuestion);
        var setCue = ReplyCues.Set().Match(statements);
        var joinCue = ReplyCues.Join().Match(statements);
        var leaves = ReplyCues.Leave().IsMatch(statements);
        var hesitates = ReplyCues.Hesitation().IsMatch(statements);
        var mentions = QuantityExtractor.Find(statements);

        if (setCue.Success)
        {
            var newTotal = SetQuantity(statements, setCue.Index, mentions);
            if (newTotal is int total)
            {
                // "I want 2, no wait, make it 3": a correction inside a first sign-up is still a join.
                var selfCorrection = joinCue.Success && joinCue.Index < setCue.Index
                    && Regex.IsMatch(setCue.Value, @"^make it$|^改$");
                return new SignUpReply(selfCorrection ? SignUpIntent.Join : SignUpIntent.Set, total, truncated || leaves);
            }
        }

        if (leaves)
        {
            var alsoJoins = joinCue.Success && mentions.Count > 0;
            return new SignUpReply(SignUpIntent.Leave, null, truncated || alsoJoins);
        }

        if (hesitates)
        {
            var firm = joinCue.Success && (mentions.Count > 0 || joinCue.Value.StartsWith('+'));
            return firm
                ? new SignUpReply(SignUpIntent.Join, JoinQuantity(statements, mentions), true)
                : new SignUpReply(SignUpIntent.None, null, true);
        }

        if (joinCue.Success)
        {
            var quantity = JoinQuantity(statements, mentions);
            var unsure = truncated || setCue.Success || hadQuestion && mentions.Count > 1;
            return new SignUpReply(SignUpIntent.Join, quantity, unsure);
        }

        if (setCue.Success)
        {
            return new SignUpReply(SignUpIntent.None, null, true); // "改一下" without a number
        }

        if (mentions.Count > 0 && !ReplyCues.PastNarrative().IsMatch(statements) && IsMostlyQuantity(statements, mentions))
        {
            // "３份,谢谢" / "2 boxes please": a bare count answers the announcement.
            return new SignUpReply(SignUpIntent.Join, JoinQuantity(statements, mentions), !mentions[0].HasUnit);
        }

        var unclear = !hadQuestion && (mentions.Count > 0 || text.Length > 12);
        return new SignUpReply(SignUpIntent.None, null, unclear || truncated);
    }

    /// <summary>The new total: the first live number after the change cue, else the last live one.</summary>
    private static int? SetQuantity(string text, int cueIndex, IReadOnlyList<QuantityMention> mentions)
    {
        var live = mentions.Where(m => !IsNegated(text, m)).ToList();
        var afterCue = live.FirstOrDefault(m => m.Start >= cueIndex);
        if (afterCue is not null)
        {
            return afterCue.Value;
        }

        var current = live.Where(m => !DescribesEarlierQuantity(text, m)).ToList();
        return current.Count > 0 ? current[^1].Value : null;
    }

    private static int JoinQuantity(string text, IReadOnlyList<QuantityMention> mentions)
    {
        var live = mentions.Where(m => !IsNegated(text, m)).ToList();

        // "我和邻居各一份", "我们仨都要,一人一份": heads times the share of each.
        if (ReplyCues.Each().IsMatch(text) && ReplyCues.Headcount().Match(text) is { Success: true } heads)
        {
            var count = Regex.IsMatch(heads.Value, "三|仨|three") ? 3 : 2;
            var eachIndex = ReplyCues.Each().Match(text).Index;
            var share = live.FirstOrDefault(m => m.Start >= eachIndex)?.Value ?? 1;
            return count * share;
        }

        // "1 for me and 1 for my mum": several people counted in one reply.
        var perPerson = ReplyCues.CountForSomeone().Matches(text);
        if (perPerson.Count >= 2)
        {
            var parts = perPerson.Select(m => QuantityExtractor.Find(m.Value) is { Count: > 0 } found ? found[0].Value : 0).ToList();
            if (parts.All(p => p > 0))
            {
                return parts.Sum();
            }
        }

        if (live.Count == 0)
        {
            return 1;
        }

        if (ReplyCues.Correction().IsMatch(text))
        {
            return live[^1].Value; // "我要2份,不,3份": the last word wins
        }

        // "+1 我要两盒": an explicit count with a unit beats the bare "+1" marker.
        var withUnit = live.FirstOrDefault(m => m.HasUnit && !IsPlusMarker(text, m));
        return (withUnit ?? live[0]).Value;
    }

    private static bool IsPlusMarker(string text, QuantityMention mention) =>
        mention.Start > 0 && text[..mention.Start].TrimEnd().EndsWith('+');

    private static bool IsNegated(string text, QuantityMention mention) =>
        ReplyCues.NegatedBefore().IsMatch(text[..mention.Start]);

    private static bool DescribesEarlierQuantity(string text, QuantityMention mention)
    {
        var clauseStart = text.LastIndexOfAny([',', '.', ';', '!', '\n'], Math.Max(0, mention.Start - 1)) + 1;
        return ReplyCues.EarlierQuantity().IsMatch(text[clauseStart..mention.Start]);
    }

    private static bool IsMostlyQuantity(string text, IReadOnlyList<QuantityMention> mentions)
    {
        var rest = text;
        foreach (var mention in mentions.OrderByDescending(m => m.Start))
        {
            rest = rest.Remove(mention.Start, mention.End - mention.Start);
        }

        rest = Regex.Replace(rest, @"just|only|谢谢|多谢|团长|麻烦|please|pls|thanks?|thank you|[份个盒箱袋桶瓶包件套斤只支罐]|boxes|box|bags?|packs?|kg|[\p{P}\p{S}\s]", string.Empty);
        return rest.Length <= 3;
    }

    /// <summary>
    /// Blanks out (keeping positions) the clauses that ask something, so "加我一个,12号下午能取吗"
    /// keeps its sign-up and loses the "12号".
    /// </summary>
    private static string BlankQuestions(string text, out bool hadQuestion)
    {
        hadQuestion = false;
        var result = new StringBuilder(text);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsClauseEnd(text[i]))
            {
                continue;
            }

            var end = Math.Min(i + 1, text.Length);
            var clause = text[start..end];
            if (IsQuestionClause(clause) || ReplyCues.AddressingOther().IsMatch(clause))
            {
                hadQuestion = true;
                for (var k = start; k < end; k++)
                {
                    result[k] = ' ';
                }
            }

            start = end;
        }

        return result.ToString();
    }

    private static bool IsClauseEnd(char c) => c is ',' or '.' or '!' or '?' or ';' or '\n' or '~';

    private static bool IsQuestionClause(string clause)
    {
        var trimmed = clause.Trim().TrimEnd('!', '.', ',', ';', '~', ' ');
        trimmed = Regex.Replace(trimmed, @"[\p{So}\p{Sk}\p{Cs}\s]+$", string.Empty);
        if (trimmed.Length == 0)
        {
            return false;
        }

        var hasCue = ReplyCues.Join().IsMatch(trimmed) || ReplyCues.Set().IsMatch(trimmed) || ReplyCues.Leave().IsMatch(trimmed);
        var asks = trimmed.EndsWith('?') || Regex.IsMatch(trimmed, "[吗么呢嘛]$");
        if (asks)
        {
            // "Can you update mine to 2 please?" asks politely for an action: not a question.
            return !(hasCue && ReplyCues.PoliteRequest().IsMatch(trimmed));
        }

        return !hasCue && (ReplyCues.QuestionWord().IsMatch(trimmed) || ReplyCues.EnglishQuestionStart().Match(trimmed) is { Success: true, Index: 0 });
    }
}
