namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Webhook mode (<c>GroupBuyBot:Telegram:Webhook</c>): Telegram posts updates to <see cref="Url"/> instead of the bot
/// polling. Only requests carrying <see cref="SecretToken"/> in <c>X-Telegram-Bot-Api-Secret-Token</c> are handled.
/// </summary>
public sealed class WebhookOptions
{
    public bool Enabled { get; set; }

    /// <summary>The public HTTPS address Telegram posts to (behind a reverse proxy), including the path.</summary>
    public string Url { get; set; } = "";

    /// <summary>1–256 characters of A–Z, a–z, 0–9, _ and -. Secret: keep it out of files, like the token.</summary>
    public string SecretToken { get; set; } = "";

    /// <summary>The local path and port the bot listens on (the proxy forwards <see cref="Url"/> here).</summary>
    public string ListenPath { get; set; } = "/telegram/webhook";

    public int ListenPort { get; set; } = 8443;

    /// <summary>The listen address; loopback by default, so only the local proxy can reach it.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";
}
