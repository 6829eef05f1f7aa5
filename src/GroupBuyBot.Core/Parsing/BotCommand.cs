namespace GroupBuyBot.Core.Parsing;

/// <summary>A bot command as typed in a chat: <c>/name[@Bot] args…</c>.</summary>
public sealed record BotCommand(string Name, string Arguments)
{
    public const int MaxLength = 4096;

    /// <summary>
    /// Parses a command. Returns null for plain text, and for a command addressed to another bot
    /// (<c>/join@OtherBot</c>), which is not ours to answer.
    /// </summary>
    public static BotCommand? Parse(string? text, string botUsername)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/' || text.Length < 2) return null;
        if (text.Length > MaxLength) text = text[..MaxLength];

        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        var head = text[1..end];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!head[(at + 1)..].Equals(botUsername, StringComparison.OrdinalIgnoreCase)) return null;
            head = head[..at];
        }

        if (head.Length == 0 || !head.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return null;
        return new BotCommand(head.ToLowerInvariant(), text[end..].Trim());
    }
}
