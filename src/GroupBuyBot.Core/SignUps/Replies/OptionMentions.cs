using System.Text.RegularExpressions;
using GroupBuyBot.Core.GroupBuys;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Which of a buy's options a member's words name, and how many of each: "大箱两份", "1 small 1 large", "+1 Sunday",
/// "周六的2个名额". An option is named by its whole name or by a word of it no other option has ("small" for "Small box",
/// "周日" for "周日14点"). Its quantity is the number beside it: before it when the text starts with a number
/// ("2 large"), else after it ("大箱两份"). Nothing named: an empty list (the caller asks; it never guesses).
/// </summary>
public static partial class OptionMentions
{
    /// <param name="Words">What named it: its name, or the word of it that did (normalized).</param>
    /// <param name="Quantity">The number beside the option; null when there is none.</param>
    public sealed record Mention(int Option, int Start, int End, string Words, int? Quantity);

    public static IReadOnlyList<Mention> Find(string? text, IReadOnlyList<BuyOption> options)
    {
        var normalized = ChatTextNormalizer.Normalize(text);
        if (normalized.Length == 0 || options.Count == 0) return [];

        var tokens = options.ToDictionary(o => o.Number, o => Tokens(ChatTextNormalizer.Normalize(o.Name)));
        var spans = new List<(int Option, int Start, int End)>();
        foreach (var option in options)
        {
            var name = ChatTextNormalizer.Normalize(option.Name).Trim();
            var at = IndexOfWord(normalized, name);
            if (at >= 0)
            {
                spans.Add((option.Number, at, at + name.Length));
                continue;
            }

            // A word of its name that no other option shares, found where it stands as a word.
            var own = tokens[option.Number].Where(t => tokens.Where(o => o.Key != option.Number).All(o => !o.Value.Contains(t)));
            var found = own.Select(t => (Token: t, At: IndexOfWord(normalized, t))).Where(f => f.At >= 0).OrderBy(f => f.At).FirstOrDefault();
            if (found.Token is not null) spans.Add((option.Number, found.At, found.At + found.Token.Length));
        }

        // Overlapping finds ("大箱" inside "特大箱"): the longer one is meant.
        var kept = spans.OrderByDescending(s => s.End - s.Start)
            .Aggregate(new List<(int Option, int Start, int End)>(), (list, s) =>
            {
                if (!list.Any(k => s.Start < k.End && k.Start < s.End)) list.Add(s);
                return list;
            })
            .OrderBy(s => s.Start).ToList();
        if (kept.Count == 0) return [];

        var numberFirst = Count(normalized[..kept[0].Start], last: true) is not null;
        var mentions = new List<Mention>(kept.Count);
        for (var i = 0; i < kept.Count; i++)
        {
            var segment = numberFirst
                ? normalized[(i == 0 ? 0 : kept[i - 1].End)..kept[i].Start]
                : normalized[kept[i].End..(i + 1 < kept.Count ? kept[i + 1].Start : normalized.Length)];
            mentions.Add(new Mention(kept[i].Option, kept[i].Start, kept[i].End, normalized[kept[i].Start..kept[i].End], Count(segment, last: numberFirst)));
        }

        return mentions;
    }

    /// <summary>
    /// Words that count options out ("1 small 1 large", "大箱2 小箱1"): every option named has a number beside it, and it
    /// is not a question ("大箱还有2个吗?").
    /// </summary>
    public static bool CountsOut(string? text, IReadOnlyList<BuyOption> options)
    {
        var normalized = ChatTextNormalizer.Normalize(text);
        if (normalized.IndexOfAny(['?', '？']) >= 0 || normalized.EndsWith('吗') || normalized.EndsWith('呢')) return false;
        var mentions = Find(text, options);
        return mentions.Count > 0 && mentions.All(m => m.Quantity is not null);
    }

    private static int? Count(string segment, bool last)
    {
        var found = QuantityExtractor.Find(segment);
        return found.Count == 0 ? null : last ? found.OrderBy(m => m.Start).Last().Value : found.OrderBy(m => m.Start).First().Value;
    }

    /// <summary>Words of a name that can name it alone: Chinese runs of two or more, Latin words of three or more letters, times.</summary>
    private static HashSet<string> Tokens(string name) =>
        [.. NameWord().Matches(name).Select(m => m.Value)
            .Where(w => w.Any(char.IsAsciiLetter) ? w.Length >= 3 : w.Any(char.IsAsciiDigit) ? w.Contains(':') || w.EndsWith('点') : w.Length >= 2)];

    /// <summary>Where <paramref name="word"/> occurs not inside a longer Latin word or number; −1 when it does not.</summary>
    private static int IndexOfWord(string text, string word)
    {
        if (word.Length == 0) return -1;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            var startsWord = at == 0 || !IsWordChar(text[at - 1]) || !IsWordChar(word[0]);
            var endsWord = end == text.Length || !IsWordChar(text[end]) || !IsWordChar(word[^1]) || IsPlural(text, end, word);
            if (startsWord && endsWord) return at;
        }

        return -1;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>"2 larges", "smalls": a Latin word followed by one "s" that ends the word.</summary>
    private static bool IsPlural(string text, int end, string word) =>
        char.IsAsciiLetter(word[^1]) && text[end] == 's' && (end + 1 == text.Length || !IsWordChar(text[end + 1]));

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+|[a-z]+|[0-9]+(?::[0-9]+)?(?:点|am|pm)?", RegexOptions.CultureInvariant)]
    private static partial Regex NameWord();
}
