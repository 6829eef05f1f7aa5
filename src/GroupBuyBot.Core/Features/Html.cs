namespace GroupBuyBot.Core.Features;

/// <summary>Escaping for Telegram's HTML parse mode: member text must never become markup.</summary>
public static class Html
{
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
