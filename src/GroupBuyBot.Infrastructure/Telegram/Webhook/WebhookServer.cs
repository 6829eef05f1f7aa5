using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GroupBuyBot.Infrastructure.Pipeline;
using GroupBuyBot.Infrastructure.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace GroupBuyBot.Infrastructure.Telegram.Webhook;

/// <summary>
/// Webhook mode: listens for Telegram's POSTs, stores each update in the inbox before answering 200, and hands it to
/// the same <see cref="ChatQueues"/> as polling (same order per chat, same idempotency). A request without the secret-token header is refused with 401, a wrong one with 403, and
/// nothing is handled. Registers the webhook with Telegram once listening. Off unless <c>Webhook:Enabled</c>.
/// </summary>
public sealed class WebhookServer(
    BotIdentity identity,
    UpdateInbox inbox,
    ChatQueues queues,
    TelegramSender sender,
    IOptions<TelegramOptions> options,
    ILogger<WebhookServer> logger) : BackgroundService
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private WebApplication? _app;
    private CancellationToken _stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var webhook = options.Value.Webhook;
        if (!webhook.Enabled) return;
        if (string.IsNullOrWhiteSpace(webhook.SecretToken) || string.IsNullOrWhiteSpace(webhook.Url))
        {
            throw new InvalidOperationException("Webhook mode needs GroupBuyBot:Telegram:Webhook:Url and :SecretToken.");
        }

        _stopping = stoppingToken;
        var me = await sender.Call((bot, token) => bot.GetMe(token), stoppingToken) ?? throw new InvalidOperationException("Telegram did not answer getMe.");
        identity.Id = me.Id;
        identity.Username = me.Username ?? "";

        // Logs nothing: the bot's own log says what matters; Kestrel's per-request lines are noise.
        _app = EmbeddedWebServer.CreateBuilder(webhook.ListenAddress, webhook.ListenPort).Build();
        _app.MapPost(webhook.ListenPath, Receive);
        await queues.EnqueueLeftOver(stoppingToken); // they go first, in order
        await _app.StartAsync(stoppingToken);

        await sender.Call(async (bot, token) =>
        {
            await bot.SetWebhook(webhook.Url, allowedUpdates: PollingService.AllowedUpdates, secretToken: webhook.SecretToken, cancellationToken: token);
            return true;
        }, stoppingToken);
        logger.LogInformation("Receiving updates for @{Username} by webhook on {Address}:{Port}{Path}", identity.Username, webhook.ListenAddress,
            webhook.ListenPort, webhook.ListenPath);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_app is null) return;
        await _app.StopAsync(cancellationToken);
        await _app.DisposeAsync();
    }

    private async Task Receive(HttpContext http)
    {
        http.Response.StatusCode = await Handle(http);
    }

    private async Task<int> Handle(HttpContext http)
    {
        var given = http.Request.Headers[SecretHeader].ToString();
        if (given.Length == 0) return StatusCodes.Status401Unauthorized;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.Value.Webhook.SecretToken)))
        {
            logger.LogWarning("Refused a webhook request with a wrong secret token from {Remote}", http.Connection.RemoteIpAddress);
            return StatusCodes.Status403Forbidden;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            return StatusCodes.Status400BadRequest;
        }

        if (update is null) return StatusCodes.Status400BadRequest;

        // Stored first: once Telegram has its 200 the update is ours to keep. Handling happens after the answer.
        await queues.WaitForRoom(_stopping);
        queues.Enqueue(await inbox.Store([update], polled: false, _stopping));
        return StatusCodes.Status200OK;
    }
}
