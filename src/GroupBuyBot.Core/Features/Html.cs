using System.Net;
using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.Features;

/// <summary>Escaping for Telegram's HTML parse mode: member text must never become markup.</summary>
public static partial class Html
{
    /// <summary>A text written for HTML as plain text (a toast): no tags, entities read back.</summary>
    public static string Plain(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
