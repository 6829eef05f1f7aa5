using System.Text;

namespace GroupBuyBot.BotApiEmulator.Formatting;

/// <summary>Renders MarkdownV2 and legacy Markdown as plain text; checks MarkdownV2's escaping rules.</summary>
public static class MarkdownText
{
    private const string ReservedV2 = "_*[]()~`>#+-=|{}.!";

    public static string RenderV2(string markdown)
    {
        var output = new StringBuilder(markdown.Length);
        var i = 0;
        while (i < markdown.Length)
        {
            var c = markdown[i];
            if (c == '\\' && i + 1 < markdown.Length)
            {
                output.Append(markdown[i + 1]);
                i += 2;
            }
            else if (c == '`')
            {
                // Code spans and blocks keep their content; only ` and \ are escaped inside.
                var fence = markdown.AsSpan(i).StartsWith("```") ? "```" : "`";
                var close = markdown.IndexOf(fence, i + fence.Length, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new EntityParseException($"Can't find end of Pre entity at byte offset {Encoding.UTF8.GetByteCount(markdown.AsSpan(0, i))}");
                }

                var content = markdown[(i + fence.Length)..close];
                if (fence == "```" && content.IndexOf('\n', StringComparison.Ordinal) is var newline and >= 0 && !content[..newline].Contains(' ', StringComparison.Ordinal))
                {
                    content = content[(newline + 1)..]; // drop the language line
                }

                output.Append(content.Replace("\\`", "`", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));
                i = close + fence.Length;
            }
            else if (c is '*' or '_' or '~' or '|')
            {
                i += c == '_' && markdown.AsSpan(i).StartsWith("__") ? 2 : c == '|' && markdown.AsSpan(i).StartsWith("||") ? 2 : 1;
                if (c == '|' && !markdown.AsSpan(i - 2).StartsWith("||"))
                {
                    throw Reserved(markdown, i - 1, c);
                }
            }
            else if (c == '[')
            {
                i = ReadLink(markdown, i, output);
            }
            else if (c == '>' && (i == 0 || markdown[i - 1] == '\n'))
            {
                i++; // block quote marker
            }
            else if (ReservedV2.Contains(c, StringComparison.Ordinal))
            {
                throw Reserved(markdown, i, c);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    /// <summary>Legacy Markdown: *bold*, _italic_, `code`, [text](url), no escaping rules to check.</summary>
    public static string RenderLegacy(string markdown)
    {
        var output = new StringBuilder(markdown.Length);
        var i = 0;
        while (i < markdown.Length)
        {
            var c = markdown[i];
            if (c is '*' or '_' or '`')
            {
                i++;
            }
            else if (c == '[')
            {
                i = ReadLink(markdown, i, output);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    private static int ReadLink(string markdown, int start, StringBuilder output)
    {
        var closeText = markdown.IndexOf("](", start, StringComparison.Ordinal);
        var closeUrl = closeText < 0 ? -1 : markdown.IndexOf(')', closeText);
        if (closeUrl < 0)
        {
            throw Reserved(markdown, start, '[');
        }

        output.Append(RenderV2Lenient(markdown[(start + 1)..closeText]));
        return closeUrl + 1;
    }

    private static string RenderV2Lenient(string text) => text.Replace("\\", string.Empty, StringComparison.Ordinal);

    private static EntityParseException Reserved(string markdown, int index, char c) =>
        new($"Character '{c}' is reserved and must be escaped with the preceding '\\'");
}
