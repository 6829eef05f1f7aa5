using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.Tests.BadInput;

/// <summary>
/// Telegram's HTML parse mode, strictly enough for tests: only its tags, balanced, and every <c>&amp;</c> an entity.
/// Member text that leaked unescaped into a reply fails this, as Telegram would refuse the message.
/// </summary>
public static partial class TelegramHtml
{
    private static readonly HashSet<string> Tags = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a", "tg-spoiler", "blockquote", "span"];

    public static bool IsWellFormed(string html)
    {
        var open = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            if (html[i] == '&')
            {
                if (!Entity().IsMatch(html.AsSpan(i))) return false;
            }
            else if (html[i] == '>')
            {
                return false;
            }
            else if (html[i] == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0) return false;
                var tag = html[(i + 1)..end];
                var closing = tag.StartsWith('/');
                var name = tag.TrimStart('/').Split(' ')[0];
                if (!Tags.Contains(name)) return false;
                if (!closing) open.Push(name);
                else if (open.Count == 0 || open.Pop() != name) return false;
                i = end;
            }
        }

        return open.Count == 0;
    }

    [GeneratedRegex(@"^&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")]
    private static partial Regex Entity();
}
