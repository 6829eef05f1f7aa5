using GroupBuyBot.Infrastructure.Ai;
using GroupBuyBot.Infrastructure.Telegram;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.Infrastructure.Logging;

/// <summary>
/// Masks the configured secrets (bot token, LLM key, webhook secret) in text bound for a log or an error message.
/// The bot token is in every Bot API URL (<c>/bot{token}/method</c>), so any logged URL or exception could carry it.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    private readonly string[] _secrets;

    public SecretRedactor(IOptions<TelegramOptions> telegram, IOptions<LlmOptions> llm)
    {
        var token = telegram.Value.BotToken;
        var colon = token.IndexOf(':', StringComparison.Ordinal);

        // The part after the colon is the secret; the bot id before it is public. Longest first, so a secret that
        // contains another is masked whole.
        _secrets = [.. new[] { token, colon > 0 ? token[(colon + 1)..] : null, llm.Value.ApiKey, telegram.Value.Webhook.SecretToken }
            .Where(secret => secret is { Length: >= 6 })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(secret => secret!.Length)
            .Select(secret => secret!)];
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The exception's type and message chain, redacted: what a log line needs, without the raw objects.</summary>
    public string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException) parts.Add($"{e.GetType().Name}: {e.Message}");
        return Redact(string.Join(" ---> ", parts));
    }
}
