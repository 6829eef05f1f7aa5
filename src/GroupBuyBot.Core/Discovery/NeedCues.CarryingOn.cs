using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// A call that carries on one already open: "还有没有人要?", "还差两箱", "更新一下", "仲有冇人要", "Is the X thing still on?",
/// "need 2 more", "any more takers?". Said again days later it is the same need, not a new one.
/// </summary>
public static partial class NeedCues
{
    [GeneratedRegex(
        $@"(还|仍|仲)(有没有|有冇|有人|有谁|差|缺|有位|有名额|要人)|(更新|update)(一下|下)|差(一|两|二|三|四|五|[0-9]|少少|几|点|一点)\S{{0,3}}(就|才|够|成)|"
        + $@"{B}(still (on|open|going|happening|need|needs|short)|any more takers|anyone else still|need [0-9]+ more|[0-9]+ more (needed|to go)){B}|^\W*update\W",
        Options)]
    private static partial Regex CarryingOn { get; }

    /// <summary>The message carries on a call already open (see the class summary).</summary>
    public static bool CarriesOn(string normalizedText) => CarryingOn.IsMatch(normalizedText);
}
