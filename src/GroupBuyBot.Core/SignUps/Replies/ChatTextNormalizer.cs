using System.Globalization;
using System.Text;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Puts chat text into one comparable shape: capped length, no control or invisible format
/// characters (zero-width, RTL marks, BOM), no lone surrogates, NFKC (full-width digits and
/// punctuation become ASCII), lower case and common traditional characters in their simplified form. Never throws.
/// </summary>
public static class ChatTextNormalizer
{
    public static string Normalize(string? text, int maxChars = 2000)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var source = text.Length > maxChars ? text[..maxChars] : text;
        var builder = new StringBuilder(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                {
                    builder.Append(c).Append(source[i + 1]);
                    i++;
                }
                else
                {
                    builder.Append(' ');
                }

                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                builder.Append(' ');
                continue;
            }

            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                    // Line breaks separate clauses; other control characters are noise.
                    builder.Append(c == '\n' ? '\n' : ' ');
                    break;
                case UnicodeCategory.Format:
                    // Zero-width spaces/joiners, bidi marks, BOM: invisible, would split words.
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        var cleaned = builder.ToString();
        try
        {
            cleaned = cleaned.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Unassigned code points can make normalisation fail; the cleaned text is still usable.
        }

        // Ideographic full stop and comma are not folded by NFKC.
        return TraditionalFold.Fold(cleaned.Replace('。', '.').Replace('、', ',').Replace('～', '~').ToLowerInvariant());
    }
}
