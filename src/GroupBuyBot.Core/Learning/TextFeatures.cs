using System.Text;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Learning;

/// <summary>
/// Features of a chat message for the embedded classifiers: character 1–3-grams of the normalised text
/// (with start/end marks, so "^+1" and "要$" are their own features) and English words. Character grams need
/// no word segmentation, so Chinese, English and mixed text are read alike, and a new idiom still shares
/// grams with ones seen ("算我们家一个" with "算我一个").
/// </summary>
public static class TextFeatures
{
    // Long texts add noise, not signal: the interest is said near the start or end of a chat message.
    private const int MaxChars = 300;

    public static HashSet<string> Of(string text)
    {
        var normalized = ChatTextNormalizer.Normalize(text, MaxChars);
        var marked = string.Concat("\u0002", normalized, "\u0003");
        var features = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; n <= 3; n++)
        {
            for (var i = 0; i + n <= marked.Length; i++)
            {
                features.Add(marked.Substring(i, n));
            }
        }

        var word = new StringBuilder();
        foreach (var c in normalized.Append(' '))
        {
            if (c is >= 'a' and <= 'z' || c == '\'')
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                features.Add(string.Concat("w:", word.ToString()));
                word.Clear();
            }
        }

        return features;
    }
}
