using System.Text;
using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Reads a free-text reply to a group-buy announcement ("+1", "我也要两份", "改成4份",
/// "sorry I'm out") with local rules. Never throws; flags its own doubt via
/// <see cref="SignUpReply.IsAmbiguous"/> so the caller can ask an LLM.
/// </summary>
public static partial class SignUpReplyParser
{
    // Replies are short; anything longer is not a plain sign-up and is cut to bound the work.
    private const int MaxReplyChars = 400;

    // Where the rules are unsure, the learned intent (ReplyIntentModel) replaces theirs when it is at least this sure:
    // chosen on the development sets the rules were not tuned on (docs/discovery.md, "The learned intent"). Where the
    // rules are sure they stand: they know addresses, questions and earlier totals, which the model does not.
    private const double OverUnsureRules = 0.8;

    /// <summary>The rules' reading, its intent weighed against <see cref="ReplyIntentModel.Default"/>.</summary>
    public static SignUpReply Parse(string text) => Parse(text, ReplyIntentModel.Default);

    /// <summary>The rules' reading, its intent weighed against <paramref name="model"/>; the rules alone when null.</summary>
    public static SignUpReply Parse(string text, ReplyIntentModel? model)
    {
        try
        {
            var normalized = ReplyTypos.Fold(ChatTextNormalizer.Normalize(text, MaxReplyChars).Trim());
            var rules = ParseNormalized(normalized, text?.Length > MaxReplyChars);
            return model is null ? rules : Weigh(rules, normalized, model);
        }
        catch (Exception)
        {
            // A rule bug must not take the bot down: say "unsure" and let the caller decide.
            return new SignUpReply(SignUpIntent.None, null, true);
        }
    }

    /// <summary>
    /// Where the rules are unsure, the model's intent when it is sure enough, with the quantity the rules read for that
    /// intent; still flagged ambiguous (a configured LLM has the last word). Never for a reply that tries to instruct
    /// the bot, and never a change of total without a number.
    /// </summary>
    private static SignUpReply Weigh(SignUpReply rules, string text, ReplyIntentModel model)
    {
        if (!rules.IsAmbiguous || ReplyCues.Injection().IsMatch(text))
        {
            return rules;
        }

        // A decision put off ("问问老婆再说", "let me check with my wife first") says nothing yet, however much it wants; nor
        // does a wish the reply itself turns down ("I'd join if it were free", "想要但是钱包不允许"), nor a mere possibility ("I
        // might join if it's cheap"), a withdrawal hanging on an answer ("if not, I'll pass"), an order said in irony, nor part
        // of a single unit ("只要一半"), nor a remark on how much an amount is ("3 boxes is a lot").
        if (rules.Intent is SignUpIntent.None && (ReplyCues.Deferral().IsMatch(text) || ReplyCues.WishDenied().IsMatch(text) || ReplyCues.TentativeJoin().IsMatch(text)
            || ReplyCues.ConditionalDecline().IsMatch(text) || ReplyCues.Irony().IsMatch(text) || ReplyCues.FractionOfOne().IsMatch(text) || ReplyCues.AmountRemark().IsMatch(text)))
        {
            return rules;
        }

        var (intent, confidence) = model.Predict(text);
        if (intent == rules.Intent || confidence <= OverUnsureRules)
        {
            return rules;
        }

        var statements = Statements(text, out _);
        var mentions = QuantityExtractor.Find(statements);
        int? quantity = intent switch
        {
            SignUpIntent.Join => JoinQuantity(statements, mentions),
            SignUpIntent.Set => SetQuantity(statements, 0, mentions),
            _ => null,
        };
        return intent is SignUpIntent.Set && quantity is null ? rules : new SignUpReply(intent, quantity, true);
    }

    /// <summary>
    /// What the reply states: addressing removed; addresses, times, prices, dates and phone numbers masked, so "Block 7,
    /// 4 boxes please" reads as "4 boxes please" and "Flat 4B is out" as a household leaving; questions blanked, and the
    /// group's target ("we still need 5 more") with them: it is known not to be an order.
    /// </summary>
    private static string Statements(string text, out bool hadQuestion) =>
        BlankGroupTargets(BlankQuestions(NonQuantitySpans.Mask(AddressedTo().Replace(text, " ").Trim()), out hadQuestion), ref hadQuestion);

    private static SignUpReply ParseNormalized(string text, bool truncated)
    {
        // Whom the reply addresses ("@团购助手 我要两台", "@GroupBuyBot sign me up for 3") is not what it says.
        text = AddressedTo().Replace(text, " ").Trim();
        if (text.Length == 0 || ReplyCues.OnlyPleasantries().IsMatch(text) && !ReplyCues.RaisedHand().IsMatch(text))
        {
            return SignUpReply.NoneCertain;
        }

        if (ReplyCues.Injection().IsMatch(text) || ReplyCues.SameQuestion().IsMatch(text))
        {
            return SignUpReply.NoneCertain;
        }

        // "目前:张姐2, 小李1, 共3份": a member recounting the list orders nothing; sure of it, so the learned intent, which
        // sees names beside counts, does not make it an order.
        if (ReplyCues.RunningTally().IsMatch(text))
        {
            return SignUpReply.NoneCertain;
        }

        var statements = Statements(text, out var hadQuestion);
        if (ReplyCues.Irony().IsMatch(statements))
        {
            return new SignUpReply(SignUpIntent.None, null, true); // "like I'd pay that much": what it seems to order it turns down
        }

        // "只要一半可以吗", "can I get half a box?": part of one unit, with no whole count besides, books nothing.
        if (ReplyCues.FractionOfOne().Match(text) is { Success: true } part && QuantityExtractor.Find(text.Remove(part.Index, part.Length)).Count == 0)
        {
            return new SignUpReply(SignUpIntent.None, null, true);
        }

        var setCue = Earliest(Earliest(Earliest(ReplyCues.Set().Match(statements), ReplyCues.SetExtra().Match(statements)), RestatedTotalCue(statements)), ReplyCues.SettleOnLess().Match(statements));
        var joinCue = JoinCue(statements);
        // "if not, I'll pass": a withdrawal hanging on an answer withdraws nothing yet.
        var conditional = ReplyCues.ConditionalDecline().IsMatch(statements);
        var leaves = !conditional && SaysLeave(statements);
        var hesitates = conditional || ReplyCues.Hesitation().IsMatch(statements) || ReplyCues.WishDenied().IsMatch(statements) || ReplyCues.TentativeJoin().IsMatch(statements);
        var mentions = QuantityExtractor.Find(statements);

        if (ReplyCues.ContactTalk().IsMatch(statements) && AddMe().IsMatch(statements) && !mentions.Any(m => m.HasUnit))
        {
            return new SignUpReply(SignUpIntent.None, null, true); // "我微信号是…, 加我": add me as a contact
        }

        if (setCue.Success && ReplyCues.ZeroTarget().IsMatch(statements[(setCue.Index + setCue.Length)..]))
        {
            return new SignUpReply(SignUpIntent.Leave, null, truncated); // "改为零份", "set mine to 0"
        }

        if (!joinCue.Success && !setCue.Success && !leaves && ReplyCues.Received().IsMatch(statements))
        {
            return new SignUpReply(SignUpIntent.None, null, truncated); // "Got my 2 boxes, thanks!": a receipt, not an order
        }

        if (ReplyCues.InviteToGroup().IsMatch(text) && ReplyCues.AnothersWish().Match(statements) is { Success: true } theirWish
            && StatesNoOwnSignUp(statements.Remove(theirWish.Index, theirWish.Length)))
        {
            // "我朋友也想要,可以拉她进群吗?": the friend will sign up themselves once in the group; the replier signs up nobody.
            return new SignUpReply(SignUpIntent.None, null, truncated);
        }

        if (OwnEntryOfCopiedList(statements, mentions) is int own)
        {
            return new SignUpReply(SignUpIntent.Join, own, truncated); // "接龙\n1. 李姐 2箱\n2. 豆豆妈 3箱": the last line is the replier's
        }

        if (VoidedEarlierTotal(statements, mentions) is int replacing)
        {
            return new SignUpReply(SignUpIntent.Set, replacing, truncated); // "我家要5份,之前说的3份作废"
        }

        if (PartialCancel(statements, mentions) is int kept)
        {
            return new SignUpReply(SignUpIntent.Set, kept, truncated); // "cancel one box, keep the other", "取消一盒,留一盒"
        }

        if (TakenOffEarlier(statements, mentions, setCue) is (int left, var otherLeave))
        {
            return new SignUpReply(SignUpIntent.Set, left, truncated || otherLeave);
        }

        if (!setCue.Success && RelativeNewTotal(statements, mentions) is int relative)
        {
            return new SignUpReply(SignUpIntent.Set, relative, truncated || leaves);
        }

        if (setCue.Success)
        {
            var newTotal = SetQuantity(statements, setCue.Index, mentions);
            var parts = mentions.Where(m => m.End <= setCue.Index && m.HasUnit).ToList();
            var before = statements[..setCue.Index];
            // Shares followed by their total are a first sign-up; an earlier sign-up named among them ("之前报的两份,再加一份,一共三份")
            // makes the total a change of it.
            var namesEarlier = mentions.Any(m => m.End <= setCue.Index && DescribesEarlierQuantity(statements, m));
            if (newTotal is int sum && !namesEarlier && (joinCue.Success && joinCue.Index < setCue.Index || parts.Count >= 2) && ReplyCues.SumWord().IsMatch(setCue.Value)
                && (parts.Sum(m => m.Value) == sum || ReplyCues.Each().IsMatch(before) && JoinQuantity(before, QuantityExtractor.Find(before)) == sum
                    || ReplyCues.ShareForAnother().IsMatch(before) && ReplyCues.IncludingMine().IsMatch(before)))
            {
                return new SignUpReply(SignUpIntent.Join, sum, truncated); // "我家要两袋，我妈家要一袋，一共三袋", "我跟我妈各一份 一共两份": a first sign-up, added up
            }

            if (newTotal is int total)
            {
                // "I want 2, no wait, make it 3": a correction inside a first sign-up is still a join.
                var selfCorrection = joinCue.Success && joinCue.Index < setCue.Index
                    && BareCorrection().IsMatch(setCue.Value);
                return new SignUpReply(selfCorrection ? SignUpIntent.Join : SignUpIntent.Set, total, truncated || leaves);
            }
        }

        if (leaves)
        {
            // "退出+1", "out +1": a "+1" beside nothing but the withdrawal agrees with it; it is no count.
            var alsoJoins = joinCue.Success && mentions.Count > 0 && !EchoedWithdrawal(statements);
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

        // "2 adults 1 child", "两大一小,周六场": tickets counted by kind of person, nothing else said.
        if (PersonKindTotal(statements) is int people && !ReplyCues.PastNarrative().IsMatch(statements)
            && TicketFiller().Replace(ReplyCues.PersonKindCount().Replace(statements, string.Empty), string.Empty).Length <= 6)
        {
            return new SignUpReply(SignUpIntent.Join, people, truncated);
        }

        // "ling 2", "阿杰 2": a bare name before a bare count says whose it is.
        if (ReplyCues.NameThenCount().Match(statements) is { Success: true } named)
        {
            return new SignUpReply(SignUpIntent.Join, int.Parse(named.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture), true);
        }

        var counted = Counted(statements, mentions);
        if (mentions.Count > 0 && !ReplyCues.PastNarrative().IsMatch(statements)
            && (IsMostlyQuantity(statements, mentions) || LeadsWithCountClause(statements, mentions)
                || ReplyCues.PersonShare().Count(statements) >= 2
                || counted.Count >= 2 && VariantTotal(statements, counted) is not null
                || counted.Count > 0 && ReplyCues.Each().IsMatch(statements) && ReplyCues.Headcount().IsMatch(statements)))
        {
            // "３份,谢谢" / "2 boxes please" / "原味两盒,抹茶一盒" / "我跟我婆婆一人一份": a bare count answers the announcement.
            return new SignUpReply(SignUpIntent.Join, JoinQuantity(statements, mentions), !mentions[0].HasUnit);
        }

        var unclear = !hadQuestion && (mentions.Count > 0 || text.Length > 12);
        return new SignUpReply(SignUpIntent.None, null, unclear || truncated);
    }

    /// <summary>No join cue, no change and no count with a unit: what is left of a reply once another's wish is taken out.</summary>
    private static bool StatesNoOwnSignUp(string rest) =>
        !ReplyCues.Join().IsMatch(rest) && !ReplyCues.JoinExtra().IsMatch(rest) && !ReplyCues.JoinColloquial().IsMatch(rest)
        && !ReplyCues.Set().IsMatch(rest) && !QuantityExtractor.Find(rest).Any(m => m.HasUnit);

    /// <summary>
    /// Tickets by kind of person added up: "2 adults 1 child" (3), "两个大人一个小孩" (3), "三大一小" (4). Null unless at least
    /// two kinds are counted.
    /// </summary>
    private static int? PersonKindTotal(string text)
    {
        var parts = ReplyCues.PersonKindCount().Matches(text);
        if (parts.Count < 2)
        {
            return null;
        }

        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        foreach (Match part in parts)
        {
            var english = part.Groups[1].Success;
            var number = english ? part.Groups[1].Value : part.Groups[4].Value;
            var kind = english ? part.Groups[2].Value : part.Groups[6].Value;
            kinds.Add(kind is "children" ? "child" : kind);
            total += QuantityExtractor.ParseCountWord(number);
        }

        return kinds.Count >= 2 && total > 0 ? total : null;
    }

    /// <summary>
    /// Part of an order cancelled and the rest kept: "cancel one box, keep the other" (1), "drop 1, keep 2" (2), "取消一盒,留一盒"
    /// (1), "退掉一份,剩下两份" (2). Null unless both a part cancelled and what is kept are said.
    /// </summary>
    private static int? PartialCancel(string text, IReadOnlyList<QuantityMention> mentions)
    {
        if (ReplyCues.CancelSome().Match(text) is not { Success: true } cancel
            || ReplyCues.KeepRest().Match(text, cancel.Index + cancel.Length) is not { Success: true } keep)
        {
            return null;
        }

        if (keep.Groups["other"].Success)
        {
            return 1;
        }

        var kept = mentions.FirstOrDefault(m => m.Start >= keep.Index + keep.Length && m.Start - (keep.Index + keep.Length) <= 3 && !IsNegated(text, m));
        return kept?.Value;
    }

    /// <summary>A withdrawal and a bare "+1" and nothing else: "退出+1", "+1 取消", "out +1".</summary>
    private static bool EchoedWithdrawal(string text)
    {
        foreach (var leave in (Regex[])[ReplyCues.Leave(), ReplyCues.LeaveExtra(), ReplyCues.LeaveColloquial()])
        {
            if (leave.Match(text) is { Success: true } m && OnlyPlusOne().IsMatch(text.Remove(m.Index, m.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A part taken off the earlier total the reply names, in either order: "帮我减一份,我之前报了3份" (2), "I signed up for 3 but
    /// drop one" (2), "reduce by 1, I had 4" (3). Null without an earlier total, or when another change cue says the new
    /// total ("减一份, 改成2份" is read by the change); with whether a withdrawal is said besides the cut itself.
    /// </summary>
    private static (int Left, bool OtherLeave)? TakenOffEarlier(string text, IReadOnlyList<QuantityMention> mentions, Match setCue)
    {
        if (ReplyCues.TakenOff().Match(text) is not { Success: true } cut
            || setCue.Success && !(setCue.Index >= cut.Index && setCue.Index < cut.Index + cut.Length))
        {
            return null;
        }

        // The count is read from the cut itself: "by 1" is no quantity to the extractor (it reads "by 5pm").
        var n = cut.Groups["n"];
        var amount = QuantityExtractor.ParseCountWord(n.Value);
        var earlier = mentions.FirstOrDefault(m => (m.End <= n.Index || m.Start >= n.Index + n.Length) && DescribesEarlierQuantity(text, m));
        if (amount <= 0 || earlier is null || earlier.Value <= amount)
        {
            return null;
        }

        // "cancel one" is the cut, not a withdrawal; a withdrawal said elsewhere makes the reading unsure.
        var rest = text.Remove(cut.Index, cut.Length);
        var otherLeave = SaysLeave(rest);
        return (earlier.Value - amount, otherLeave);
    }

    /// <summary>
    /// A new total said relative to the earlier one, which the reply names: "之前报了2份，现在要4份" (4),
    /// "原来报了3份，少要一份" (2). Null when the reply names no earlier amount or no change.
    /// </summary>
    private static int? RelativeNewTotal(string text, IReadOnlyList<QuantityMention> mentions)
    {
        var earlier = mentions.FirstOrDefault(m => DescribesEarlierQuantity(text, m));
        if (earlier is null)
        {
            return null;
        }

        var later = mentions.Where(m => m.Start > earlier.End).ToList();
        if (later.Count == 0)
        {
            return null;
        }

        var rest = text[earlier.End..];
        if (ReplyCues.EnoughAfter().IsMatch(text[later[0].End..]))
        {
            return later[0].Value; // "I wanted 2 but 1 is enough", "本来要三份,两份就够了"
        }

        if (ReplyCues.NowTotal().Match(rest) is { Success: true } now && now.Index + earlier.End < later[0].Start)
        {
            return later[0].Value;
        }

        if (ReplyCues.Decrease().Match(rest) is { Success: true } less && less.Index + earlier.End < later[0].Start && earlier.Value > later[0].Value)
        {
            return earlier.Value - later[0].Value;
        }

        return null;
    }

    /// <summary>
    /// A new total beside an earlier one the reply voids, in either order: "我家要5份,之前说的3份作废", "前面那2份不算,要4份",
    /// "4 please, ignore my earlier 2". Null unless exactly one other live count is left.
    /// </summary>
    private static int? VoidedEarlierTotal(string text, IReadOnlyList<QuantityMention> mentions)
    {
        var voided = mentions.Where(m => DescribesEarlierQuantity(text, m) && ReplyCues.VoidedAfter().IsMatch(text[m.End..])
            || ReplyCues.VoidedBefore().IsMatch(text[..m.Start])).ToList();
        if (voided.Count != 1)
        {
            return null;
        }

        var others = mentions.Where(m => m != voided[0] && m.HasUnit && !IsNegated(text, m) && !DescribesEarlierQuantity(text, m)).ToList();
        return others.Count == 1 ? others[0].Value : null;
    }

    /// <summary>
    /// A correction that restates the total ("写错了 是两箱", "meant 4 not 40"), a return to an
    /// earlier-named other total ("还是要三盒吧 之前说的两盒"), or a decrement followed by what is left
    /// ("减一份吧 就要一份").
    /// </summary>
    private static Match RestatedTotalCue(string text)
    {
        var restated = ReplyCues.RestatedTotal().Match(text);
        if (restated.Success)
        {
            return restated;
        }

        var revert = ReplyCues.RevertTo().Match(text);
        if (revert.Success && ReplyCues.EarlierQuantity().IsMatch(text))
        {
            return revert;
        }

        var decrement = ReplyCues.Decrement().Match(text);
        return decrement.Success ? ReplyCues.FinalTotal().Match(text, decrement.Index + decrement.Length) : Match.Empty;
    }

    /// <summary>Any leave family says the member withdraws.</summary>
    private static bool SaysLeave(string text) =>
        ReplyCues.Leave().IsMatch(text) || ReplyCues.LeaveExtra().IsMatch(text) || ReplyCues.LeaveColloquial().IsMatch(text);

    /// <summary>The earliest cue of any join family: the one list both the reading and the unsure check use.</summary>
    private static Match JoinCue(string text) =>
        Earliest(Earliest(Earliest(Earliest(ReplyCues.Join().Match(text), ReplyCues.JoinExtra().Match(text)), ReplyCues.JoinColloquial().Match(text)), ReplyCues.JoinSubjectless().Match(text)), ReplyCues.JoinVolunteered().Match(text));

    private static Match Earliest(Match first, Match second) =>
        !second.Success || first.Success && first.Index <= second.Index ? first : second;

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
        if (ReplyCues.Each().Match(text) is { Success: true } each && ReplyCues.Headcount().Match(text) is { Success: true } heads)
        {
            var eachIndex = each.Index;
            var count = HeadcountOf(text, heads, eachIndex);
            // The share sits next to the "each" word: "各一份" after it, "two each" before it, "both want one" a verb away.
            var shares = live.Where(m => !IsHeadcountNumber(text, m)).ToList();
            var reach = each.Value.StartsWith("both", StringComparison.Ordinal) ? 16 : 6;
            var share = shares.FirstOrDefault(m => m.Start >= eachIndex && m.Start - eachIndex <= reach)?.Value
                ?? shares.LastOrDefault(m => m.End <= eachIndex && eachIndex - m.End <= 12)?.Value ?? 1;
            return count * share;
        }

        // "+1 x2", "+1 ×3": a raised hand multiplied.
        if (ReplyCues.PlusTimes().Match(text) is { Success: true } times && !live.Any(m => m.HasUnit && !IsPlusMarker(text, m) && m.Start > times.Index + times.Length))
        {
            return int.Parse(times.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        // "2 adults 1 child", "两大一小": tickets by kind of person add up.
        if (PersonKindTotal(text) is int people)
        {
            return people;
        }

        // "+1+1 我同老公": one raised hand per person, unless a count with a unit says how many.
        if (ReplyCues.RepeatedPlus().Match(text) is { Success: true } hands && !live.Any(m => m.HasUnit && !IsPlusMarker(text, m)))
        {
            return hands.Value.Count(c => c == '+');
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

        // "🙋 我跟老婆", "+1 me and hubby": the heads named are the whole sign-up, one each.
        if (live.All(m => m.Value == 1 && IsPlusMarker(text, m)) && ReplyCues.HeadsListed().Match(text) is { Success: true } listed)
        {
            return 1 + HeadSeparator().Count(listed.Value[listed.Groups[1].Length..]);
        }

        if (live.Count == 0)
        {
            // "We're in - both kids": two heads, one each; "我和老公都要", "我同埋老婆都要": the heads named, one each.
            if (ReplyCues.AllOfThem().Match(text) is { Success: true } all && ReplyCues.Headcount().Match(text) is { Success: true } named && named.Index < all.Index)
            {
                return HeadcountOf(text, named, all.Index);
            }

            return ReplyCues.BothPeople().IsMatch(text) ? 2 : 1;
        }

        // "我一份 我妈一份": shares named per person add up.
        var personShares = ReplyCues.PersonShare().Matches(text);
        if (personShares.Count >= 2 && personShares.Select(m => m.Groups[1].Value).Distinct().Count() == personShares.Count)
        {
            var parts = personShares.Select(m => QuantityExtractor.Find(m.Value) is { Count: > 0 } found ? found[^1].Value : 0).ToList();
            if (parts.All(p => p > 0))
            {
                return parts.Sum();
            }
        }

        // "我要一份 再帮我同事带一份": a share for oneself and one for someone else add up.
        var counted = live.Where(m => m.HasUnit && !IsPlusMarker(text, m) && !DescribesEarlierQuantity(text, m)).ToList();
        if (counted.Count >= 2 && ReplyCues.ShareForAnother().Match(text) is { Success: true } another && counted[0].Start < another.Index)
        {
            return counted.Sum(m => m.Value);
        }

        // "I'll take one, and my neighbour wants 2 as well", "+1, my sister wants 2 too", "count me in, and my mum needs 2":
        // one's own count (1 when a sign-up names none) and another member's, said in English.
        if (ReplyCues.AnotherWants().Match(text) is { Success: true } other
            && live.Where(m => m.Start > other.Index && !IsPlusMarker(text, m) && !DescribesEarlierQuantity(text, m)).ToList() is { Count: > 0 } theirs)
        {
            var before = text[..other.Index];
            var mine = live.Where(m => m.End <= other.Index && !DescribesEarlierQuantity(text, m)).ToList();
            int? own = mine.Count > 0 ? (mine.FirstOrDefault(m => m.HasUnit && !IsPlusMarker(text, m)) ?? mine[0]).Value
                : ReplyCues.Join().IsMatch(before) || ReplyCues.JoinExtra().IsMatch(before) || ReplyCues.JoinColloquial().IsMatch(before) ? 1 : null;
            if (own is int ownShare)
            {
                return ownShare + theirs.Sum(m => m.Value);
            }
        }

        // "我前面报了2份,再加1份" / "I already have 2, add 1 more": the amount added, not the old total.
        var current = live.Where(m => !DescribesEarlierQuantity(text, m)).ToList();
        if (current.Count > 0 && current.Count < live.Count)
        {
            live = current;
        }

        if (ReplyCues.AddOn().Match(text) is { Success: true } addOn && live.Count > 1
            && live.FirstOrDefault(m => m.End > addOn.Index && !IsPlusMarker(text, m)) is { } added)
        {
            return added.Value;
        }

        if (ReplyCues.Correction().IsMatch(text))
        {
            return live[^1].Value; // "我要2份,不,3份": the last word wins
        }

        if (VariantTotal(text, counted) is int variants)
        {
            return variants; // "我要一份原味一份辣味", "原味两盒,抹茶一盒": one order in several variants adds up
        }

        // "+1 我要两盒": an explicit count with a unit beats the bare "+1" marker.
        var withUnit = live.FirstOrDefault(m => m.HasUnit && !IsPlusMarker(text, m));
        return (withUnit ?? live[0]).Value;
    }

    /// <summary>
    /// Counts that each name their own variant ("一份原味一份辣味", "2 plain 1 spicy"): their sum; null unless every
    /// count is followed by a different short word.
    /// </summary>
    private static int? VariantShares(string text, List<QuantityMention> counted)
    {
        if (counted.Count < 2)
        {
            return null;
        }

        var variants = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < counted.Count; i++)
        {
            var end = i + 1 < counted.Count ? counted[i + 1].Start : text.Length;
            var segment = LeadingUnit().Replace(text[counted[i].End..end], string.Empty);
            var after = LeadingWord().Match(segment);
            var word = after.Success ? after.Groups[1].Value : string.Empty;
            if (word.Length == 0 || !variants.Add(word))
            {
                return null;
            }
        }

        return counted.Sum(m => m.Value);
    }

    /// <summary>One order in several variants: a total and its breakdown, else the variants' counts added up.</summary>
    private static int? VariantTotal(string text, List<QuantityMention> counted) =>
        TotalThenBreakdown(text, counted) ?? VariantsNamedBefore(text, counted) ?? VariantShares(text, counted);

    /// <summary>
    /// A total and then its breakdown, "两台空调 一台挂机一台柜机" (2), "Two please, one large one medium" (2), "2 boxes: 1 plain 1
    /// sesame" (2): the first count equals the sum of the rest, a break follows it, and the rest are one run or follow a colon.
    /// Null otherwise: "2 plain 1 sesame 1 choc" and "2 plain, 1 sesame, 1 choc" name three variants (4).
    /// </summary>
    private static int? TotalThenBreakdown(string text, List<QuantityMention> counted)
    {
        if (counted.Count < 3 || counted[0].Value != counted.Skip(1).Sum(m => m.Value))
        {
            return null;
        }

        var first = text[counted[0].End..counted[1].Start];
        if (BreakdownOpener().IsMatch(first))
        {
            return counted[0].Value;
        }

        // The breakdown is one run: no comma inside it ("1 large 1 medium", "一台挂机一台柜机"); a comma after the total, or a
        // space where the breakdown has none.
        var inside = Enumerable.Range(1, counted.Count - 2).Select(i => text[counted[i].End..counted[i + 1].Start]).ToList();
        var unbroken = inside.All(s => !ClauseComma().IsMatch(s));
        var spaceless = inside.All(s => !Whitespace().IsMatch(s));
        return unbroken && (ClauseComma().IsMatch(first) || spaceless && Whitespace().IsMatch(first)) ? counted[0].Value : null;
    }

    /// <summary>
    /// Counts that each follow their own variant ("原味两盒,抹茶一盒", "大的一个小的一个", "猪肉白菜两袋,韭菜鸡蛋一袋"): their sum; null
    /// unless every count has a different short name right before it. "两份,一份原味一份辣的" has none before its first count.
    /// </summary>
    private static int? VariantsNamedBefore(string text, List<QuantityMention> counted)
    {
        if (counted.Count < 2)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < counted.Count; i++)
        {
            var start = i == 0 ? text.LastIndexOfAny([',', '.', ';', '!', '\n'], Math.Max(0, counted[0].Start - 1)) + 1 : counted[i - 1].End;
            var segment = text[start..counted[i].Start];
            segment = i == 0
                ? LeadingSelfOrder().Replace(segment, string.Empty)
                : LeadingUnitAny().Replace(segment, string.Empty);
            var name = NameEdges().Replace(segment, string.Empty);
            var valid = ChineseName().IsMatch(name) && !NotAChineseName().IsMatch(name)
                || LatinName().IsMatch(name) && !NotALatinName().IsMatch(name);
            if (!valid || !names.Add(name))
            {
                return null;
            }
        }

        return counted.Sum(m => m.Value);
    }

    /// <summary>The counts with a unit that are live: not a "+1" marker, not negated, not the earlier amount.</summary>
    private static List<QuantityMention> Counted(string text, IReadOnlyList<QuantityMention> mentions) =>
        mentions.Where(m => m.HasUnit && !IsPlusMarker(text, m) && !IsNegated(text, m) && !DescribesEarlierQuantity(text, m)).ToList();

    /// <summary>
    /// A copied 接龙 list with the replier's own line last ("接龙\n1. 李姐 2箱\n2. 小美 1箱\n3. 豆豆妈 3箱", or an unnumbered line
    /// under the list): that line's count, or 1
    /// when it names none. Null unless at least two numbered entries are there under a list header (接龙, 名单, list), or
    /// three and more that each name a count.
    /// </summary>
    private static int? OwnEntryOfCopiedList(string text, IReadOnlyList<QuantityMention> mentions)
    {
        var entries = ReplyCues.ListEntry().Matches(text);
        if (entries.Count < 2)
        {
            return null;
        }

        // A list, not numbered points of one's own ("1. 我要两份\n2. 能送到5栋吗?"): headed as one, or three entries and more
        // that each name a count.
        var headed = ReplyCues.ListHeader().IsMatch(text[..entries[0].Index]);
        var eachCounted = entries.Count >= 3 && Enumerable.Range(0, entries.Count).All(i =>
        {
            var end = i + 1 < entries.Count ? entries[i + 1].Index : text.Length;
            return mentions.Any(m => m.Start >= entries[i].Index + entries[i].Length && m.End <= end && m.HasUnit);
        });
        if (!headed && !eachCounted)
        {
            return null;
        }

        // The replier's line is the last one: the last entry, or a line of their own under the list ("…\n我 2盒").
        var last = entries[^1];
        var trimmedEnd = text.TrimEnd().Length;
        var ownLine = Math.Max(last.Index + last.Length, text.LastIndexOf('\n', Math.Max(0, trimmedEnd - 1)) + 1);
        var own = mentions.Where(m => m.Start >= ownLine && !IsNegated(text, m)).ToList();
        return (own.FirstOrDefault(m => m.HasUnit && !IsPlusMarker(text, m)) ?? own.FirstOrDefault())?.Value ?? 1;
    }

    /// <summary>Blanks out (keeping positions) the group's target: "we need 10 for the discount", "还差3个人".</summary>
    private static string BlankGroupTargets(string text, ref bool blanked)
    {
        var result = new StringBuilder(text);
        foreach (Match m in ReplyCues.GroupTarget().Matches(text))
        {
            blanked = true;
            for (var k = m.Index; k < m.Index + m.Length; k++)
            {
                result[k] = ' ';
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// How many people "each" covers: a spoken number ("我们仨", "three of us") or else the people
    /// listed before it ("我和我妈" = 2, "me, my wife and my son" = 3).
    /// </summary>
    private static int HeadcountOf(string text, Match heads, int eachIndex)
    {
        // A number said: "我们仨", "three of us", "三口人", "四个人", "6 of us", "family of 4".
        var spoken = SpokenHeadcount().Match(heads.Value);
        if (spoken.Success)
        {
            var value = QuantityExtractor.ParseCountWord(spoken.Value);
            if (value >= 2)
            {
                return value;
            }
        }

        if (eachIndex <= heads.Index)
        {
            return 2;
        }

        var listStart = text.LastIndexOfAny(['.', ';', '!', '?', '\n'], heads.Index) + 1;
        var list = text[listStart..eachIndex].TrimEnd(' ', ',', '.', ';', '\n');
        var joins = ListJoiner().Count(list);
        var lastAnd = LastListJoiner().Match(list);
        var commas = lastAnd.Success ? list[..lastAnd.Index].Count(c => c == ',') : 0;
        return Math.Max(2, 1 + joins + commas);
    }

    private static bool IsHeadcountNumber(string text, QuantityMention mention) =>
        HeadcountUnit().IsMatch(text[mention.End..]);

    private static bool IsPlusMarker(string text, QuantityMention mention) =>
        mention.Start > 0 && text[..mention.Start].TrimEnd().EndsWith('+');

    private static bool IsNegated(string text, QuantityMention mention) =>
        ReplyCues.NegatedBefore().IsMatch(text[..mention.Start]);

    private static bool DescribesEarlierQuantity(string text, QuantityMention mention)
    {
        var clauseStart = text.LastIndexOfAny([',', '.', ';', '!', '\n'], Math.Max(0, mention.Start - 1)) + 1;
        return ReplyCues.EarlierQuantity().IsMatch(text[clauseStart..mention.Start]);
    }

    /// <summary>
    /// "3 boxes, pickup after 7pm": a clause that is nothing but a count with a unit answers the
    /// announcement even when other clauses add logistics.
    /// </summary>
    private static bool LeadsWithCountClause(string text, IReadOnlyList<QuantityMention> mentions)
    {
        var first = mentions[0];
        if (!first.HasUnit || IsPlusMarker(text, first))
        {
            return false;
        }

        var start = text.LastIndexOfAny([',', '.', ';', '!', '\n'], Math.Max(0, first.Start - 1)) + 1;
        var end = text.IndexOfAny([',', '.', ';', '!', '\n'], first.End);
        var clause = text[start..(end < 0 ? text.Length : end)];
        var inClause = mentions.Where(m => m.Start >= start && m.End <= start + clause.Length)
            .Select(m => m with { Start = m.Start - start, End = m.End - start }).ToList();
        if (IsMostlyQuantity(clause, inClause))
        {
            return true;
        }

        // "10栋 十份 公司下午茶用": Chinese clauses split by spaces; the first real words are a count.
        var tokenEnd = text.IndexOfAny([' ', ',', '.', ';', '!', '\n'], first.End);
        var lead = text[..(tokenEnd < 0 ? text.Length : tokenEnd)];
        return AnyChinese().IsMatch(text) && OnlyPunctuation().IsMatch(lead[..first.Start])
            && lead[first.End..].Length <= 2;
    }

    private static bool IsMostlyQuantity(string text, IReadOnlyList<QuantityMention> mentions)
    {
        var rest = text;
        foreach (var mention in mentions.OrderByDescending(m => m.Start))
        {
            rest = rest.Remove(mention.Start, mention.End - mention.Start);
        }

        // A name before the count ("Mrs Lim 2 boxes ya", "auntie May 1 box") says whose it is.
        rest = LeadingTitledName().Replace(rest, string.Empty);

        // Politeness, corrections ("sorry, I mean"), "more"/"another", who it is for and unit words
        // can stand beside a bare count; masked addresses and times are punctuation here.
        rest = BareCountFiller().Replace(rest, string.Empty);

        // A bare number of three or four digits that is not a count ("1602 壹份") is the household's door.
        rest = LeadingDoorNumber().Replace(rest, string.Empty);
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
        trimmed = TrailingSymbols().Replace(trimmed, string.Empty);
        if (trimmed.Length == 0)
        {
            return false;
        }

        var hasCue = JoinCue(trimmed).Success || ReplyCues.RestatedTotal().IsMatch(trimmed) || ReplyCues.Set().IsMatch(trimmed)
            || ReplyCues.SetExtra().IsMatch(trimmed) || ReplyCues.Leave().IsMatch(trimmed) || ReplyCues.LeaveExtra().IsMatch(trimmed);
        var asks = trimmed.EndsWith('?') || ChineseQuestionEnd().IsMatch(trimmed);
        if (asks && ReplyCues.InformationQuestion().IsMatch(trimmed))
        {
            return true; // "How many can I order max?", "能要几份?": asking, not ordering
        }

        if (asks)
        {
            // "Can you update mine to 2 please?" asks politely for an action: not a question.
            // "3 boxes can?", "改成两份可以吗": a count or a change asked with a tag that seeks agreement is a request too.
            var tagged = ReplyCues.RequestTag().IsMatch(trimmed) && (hasCue || QuantityExtractor.Find(trimmed).Any(m => m.HasUnit));
            return !(tagged || hasCue && (ReplyCues.PoliteRequest().IsMatch(trimmed) || ReplyCues.RequestQuestion().IsMatch(trimmed)));
        }

        return !hasCue && (ReplyCues.QuestionWord().IsMatch(trimmed) || ReplyCues.EnglishQuestionStart().Match(trimmed) is { Success: true, Index: 0 });
    }

    [GeneratedRegex(@"(?<![\w.])@[\w.]+")]
    private static partial Regex AddressedTo();
}
