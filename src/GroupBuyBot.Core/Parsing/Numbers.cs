using System.Globalization;
using System.Text;

namespace GroupBuyBot.Core.Parsing;

/// <summary>Reads numbers as people type them: ASCII or full-width digits.</summary>
public static class Numbers
{
    /// <summary>Folds full-width digits, signs and punctuation (１２＋，：) to ASCII.</summary>
    public static string FoldWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c);
        }

        return builder.ToString();
    }

    public static bool TryParseInt(string text, out int value) =>
        int.TryParse(FoldWidth(text.Trim()), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
