using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Folds the slips of quick typing into the words the cues know (added with dev-12): a sign-up verb one keystroke off
/// before "me in/up/down" ("cout me in", "sing me up"), "me too" stretched or run together ("mee too", "me tooo", "metoo"),
/// 分 typed for its homophone 份 after a count ("三分,谢谢"), an English number word typed as its homophone in a count's
/// place ("too bags", "for tree pls"), and ticket codes ("2A2C": two adults, two children).
/// Over normalised (lower-case) text; positions may shift, so it runs before anything reads positions.
/// </summary>
internal static partial class ReplyTypos
{
    public static string Fold(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        text = VerbBeforeParticle().Replace(text, m =>
        {
            var word = m.Groups["verb"].Value;
            var target = m.Groups["particle"].Value switch { "in" => "count", "up" => "sign", _ => "put" };
            return word != target && WithinOneEdit(word, target) ? target + m.Value[word.Length..] : m.Value;
        });
        text = StretchedMe().Replace(text, "me");
        text = StretchedToo().Replace(text, "too");
        text = RunTogetherMeToo().Replace(text, "me too");
        text = InterestedTypo().Replace(text, m => WithinOneEdit(m.Value, "interested") ? "interested" : m.Value);
        text = CountHomophone().Replace(text, m => m.Groups["w"].Value switch { "too" => "two", "tree" => "three", _ => "four" });
        text = FenForPortion().Replace(text, "${n}份");
        return TicketCode().Replace(text, m => m.Groups["a"].Value + " adults " + m.Groups["c"].Value + " children");
    }

    /// <summary>One substitution, insertion, deletion or swap of neighbours apart (Damerau–Levenshtein at most 1).</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return true;
        }

        var ra = a[(Math.Min(i, a.Length))..];
        var rb = b[(Math.Min(i, b.Length))..];
        return a.Length == b.Length
            ? ra[1..] == rb[1..] || ra.Length >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..]
            : a.Length > b.Length ? ra[1..] == rb : ra == rb[1..];
    }

    // "cout me in", "coutn us in", "sing me up", "sigm me up", "pit me down".
    [GeneratedRegex(@"(?<![a-z])(?<verb>[a-z]{3,6})(?=\s+(me|us)\s+(?<particle>in|up|down)(?![a-z]))", RegexOptions.CultureInvariant)]
    private static partial Regex VerbBeforeParticle();

    // "mee too", "meee 2", "meeee": not "mee pok 2 packs" (noodles).
    [GeneratedRegex(@"(?<![a-z])m+e{2,}(?=\s*(to+|2|also|as well|pls|please|plz)(?![a-z]))|(?<=^[\s\p{P}\p{S}]*)m+e{2,}(?=[\s\p{P}\p{S}]*$)", RegexOptions.CultureInvariant)]
    private static partial Regex StretchedMe();

    // "me tooo", "me tooooo!", and "me to" ending the reply.
    [GeneratedRegex(@"(?<=(?<![a-z])me\s*)(to{3,}|to(?=[\s\p{P}\p{S}]*$))(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex StretchedToo();

    [GeneratedRegex(@"(?<![a-z])me(too|2)(?![a-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex RunTogetherMeToo();

    // "intrested", "intersted", "interseted"; not "uninterested".
    [GeneratedRegex(@"(?<![a-z])(?!un|dis)inte?r[a-z]{5,8}(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex InterestedTypo();

    // A number word typed as its homophone where a count stands: "too boxes", "want tree please", "fore packs". Only before a
    // unit, or after an ordering word with nothing but thanks or the end after it: not "me too", "to box it", "the tree",
    // "tree planting", "for a tree".
    [GeneratedRegex(@"(?<![a-z])(?<w>too|tree|fore)(?=\s+(boxes|bags|packs|packets|bottles|sets|portions|pieces|pcs|units|kg|kilos|tickets|seats|slots|trays|cartons|tubs|jars|cans|cups|loaves|dozens?|of them)(?![a-z]))"
        + @"|(?<=(?<![a-z])(for|want|need|take|get|order|have|just|only)\s+)(?<w>tree|fore)(?=\s*(please|pls|plz|thanks|thx|ty)?[\s\p{P}\p{S}]*$)", RegexOptions.CultureInvariant)]
    private static partial Regex CountHomophone();

    // "三分,谢谢", "我也要两分", "1分": 分 after a count and before the end of a clause is 份. Not a time ("三点十分"), a price
    // ("五块二分"), a score ("打三分", "第三分") nor "十分感谢" (very).
    [GeneratedRegex(@"(?<![点块元毛角第得打扣满零几0-9一两二三四五六七八九十])(?<n>[0-9]{1,2}|[一两二三四五六七八九十]{1,2})分(?=[\s\p{P}\p{S}]|$|谢|吧|啊|呀|哦|哈|就|给|先|麻烦|唔该|多谢)", RegexOptions.CultureInvariant)]
    private static partial Regex FenForPortion();

    // "2A2C", "2a 1c", "1A+2C", "2A2K": adults and children by letter, both there.
    [GeneratedRegex(@"(?<![0-9a-z#/-])(?<a>[0-9]{1,2})\s*a\s*[+&,/]?\s*(?<c>[0-9]{1,2})\s*[ck](?![a-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex TicketCode();
}
