using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

// The small patterns the reading uses in passing, generated at build time: called as static Regex methods they
// went through a cache of 15 that the reading's 50 or so patterns kept evicting, so each reply re-parsed them.
public static partial class QuantityExtractor
{
    [GeneratedRegex(@"(\+|x|×|\*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingMarker();

    [GeneratedRegex(@"[0-9a-wyz]\s*[x×*]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingTimesAfterWord();

    [GeneratedRegex(@"^\s*(x|×)(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTimes();

    [GeneratedRegex(@"(\+|x|×|改成|改为|改到|换成|接龙)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSetMarker();

    [GeneratedRegex(@"(?<![a-z])(no|any|some|every|which|(?<!(just|only) )the|that|this|each|per|at|of)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDeterminer();

    [GeneratedRegex(@"^\s*(of|day|time|question|thing|sec|second|moment|idea|more time|another|by one)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNonUnitNoun();

    [GeneratedRegex(@"(?<![a-z])(just|only) the\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingJustThe();

    [GeneratedRegex(@"([0-9]|(?<![a-z])(one|two|three|four|five|six|seven|eight|nine|ten))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNumber();

    [GeneratedRegex(@"^([-:/.][0-9]|[a-z](?![a-z]))", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingCodeTail();

    [GeneratedRegex(@"^(x|g)(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTimesOrGram();
}
