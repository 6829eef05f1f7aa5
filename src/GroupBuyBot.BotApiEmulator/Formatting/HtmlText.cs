using System.Globalization;
using System.Text;

namespace GroupBuyBot.BotApiEmulator.Formatting;

/// <summary>Validates Telegram's HTML subset and renders it as plain text, the way members read it.</summary>
public static class HtmlText
{
    private static readonly HashSet<string> SupportedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "a", "code", "pre", "blockquote", "tg-emoji",
    };

    public static string Render(string html)
    {
        var output = new StringBuilder(html.Length);
        var openTags = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                i = ReadTag(html, i, openTags);
            }
            else if (c == '&')
            {
                i = ReadEntity(html, i, output);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        if (openTags.Count > 0)
        {
            throw new EntityParseException($"Can't find end tag corresponding to start tag \"{openTags.Peek()}\"");
        }

        return output.ToString();
    }

    private static int ReadTag(string html, int start, Stack<string> openTags)
    {
        var end = html.IndexOf('>', start);
        if (end < 0)
        {
            throw new EntityParseException($"Unclosed start tag at byte offset {ByteOffset(html, start)}");
        }

        var inner = html.AsSpan(start + 1, end - start - 1).Trim();
        if (inner.Length > 0 && inner[0] == '/')
        {
            var closing = inner[1..].Trim().ToString();
            if (openTags.Count == 0)
            {
                throw new EntityParseException($"Unexpected end tag at byte offset {ByteOffset(html, start)}");
            }

            var expected = openTags.Pop();
            if (!string.Equals(expected, closing, StringComparison.OrdinalIgnoreCase))
            {
                throw new EntityParseException(
                    $"Unmatched end tag at byte offset {ByteOffset(html, start)}, expected \"</{expected}>\", found \"</{closing}>\"");
            }

            return end + 1;
        }

        var nameLength = 0;
        while (nameLength < inner.Length && (char.IsAsciiLetterOrDigit(inner[nameLength]) || inner[nameLength] == '-'))
        {
            nameLength++;
        }

        var name = inner[..nameLength].ToString();
        if (name.Length == 0 || !SupportedTags.Contains(name))
        {
            throw new EntityParseException($"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, start)}");
        }

        openTags.Push(name);
        return end + 1;
    }

    private static int ReadEntity(string html, int start, StringBuilder output)
    {
        var end = html.IndexOf(';', start);
        if (end < 0 || end - start > 10)
        {
            // Telegram keeps a lone '&' as it is.
            output.Append('&');
            return start + 1;
        }

        var name = html.AsSpan(start + 1, end - start - 1);
        string? decoded = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            _ when name.StartsWith("#x") && int.TryParse(name[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) => char.ConvertFromUtf32(hex),
            _ when name.StartsWith("#") && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var dec) => char.ConvertFromUtf32(dec),
            _ => null,
        };
        if (decoded is null)
        {
            output.Append('&');
            return start + 1;
        }

        output.Append(decoded);
        return end + 1;
    }

    private static int ByteOffset(string text, int charIndex) => Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));
}
