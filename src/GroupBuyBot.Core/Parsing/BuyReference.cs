namespace GroupBuyBot.Core.Parsing;

/// <summary>Which buy a command is about: <c>#2</c> at the start of its arguments (or <c>2</c> where no quantity can follow).</summary>
public static class BuyReference
{
    /// <param name="arguments">The command's arguments.</param>
    /// <param name="allowBareNumber">True for commands whose first argument is never a quantity (<c>/close 2</c>).</param>
    /// <param name="number">The buy number, when given.</param>
    /// <returns>The arguments after the reference.</returns>
    public static string Split(string arguments, bool allowBareNumber, out int? number)
    {
        number = null;
        var text = Numbers.FoldWidth(arguments).TrimStart();
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        var first = text[..end];
        var hasHash = first.StartsWith('#') || first.StartsWith("No.", StringComparison.OrdinalIgnoreCase);
        var digits = first.TrimStart('#');
        if (digits.StartsWith("No.", StringComparison.OrdinalIgnoreCase)) digits = digits[3..];
        if ((hasHash || allowBareNumber) && Numbers.TryParseInt(digits, out var n) && n > 0)
        {
            number = n;
            return text[end..].Trim();
        }

        return arguments.Trim();
    }
}
