using GroupBuyBot.Infrastructure.Logging;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Long-polls Telegram for updates. Chats are handled in parallel, each chat's updates in order. The last
/// handled update id is stored after each batch, so a restart resumes right after it; updates of an
/// interrupted batch come again and are recognised by their id, so nothing is applied twice.
/// </summary>
public sealed class PollingService(
    ITelegramBotClient bot,
    BotIdentity identity,
    UpdateRunner runner,
    BotStateStore state,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    SecretRedactor redactor,
    ILogger<PollingService> logger) : BackgroundService
{
    internal static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember, UpdateType.ChatMember];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Webhook.Enabled) return; // WebhookServer receives the updates instead

        var me = await WithRetries(token => bot.GetMe(token), stoppingToken);
        identity.Id = me.Id;
        identity.Username = me.Username ?? "";
        await WithRetries(async token =>
        {
            await bot.DeleteWebhook(cancellationToken: token);
            return true;
        }, stoppingToken);
        logger.LogInformation("Polling as @{Username}", identity.Username);

        var offset = (await state.GetLastUpdateId(stoppingToken) ?? -1) + 1;
        await state.PruneHandledRequests(time.GetUtcNow().AddDays(-2), stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            var updates = await WithRetries(token => bot.GetUpdates(offset, 100, options.Value.PollingTimeoutSeconds, AllowedUpdates, token), stoppingToken);
            if (updates.Length == 0) continue;

            await Parallel.ForEachAsync(updates.GroupBy(UpdateHandler.ChatOf),
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelChats, CancellationToken = stoppingToken },
                async (chatUpdates, token) =>
                {
                    foreach (var update in chatUpdates.OrderBy(u => u.Id)) await runner.Run(update, token);
                });

            offset = updates.Max(u => u.Id) + 1;
            await state.SetLastUpdateId(offset - 1, stoppingToken);
        }
    }

    /// <summary>Calls Telegram until it answers: network faults and 5xx back off, 429 waits as told.</summary>
    private async Task<T> WithRetries<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is RequestException or HttpRequestException or TaskCanceledException)
            {
                var delay = e is ApiRequestException { Parameters.RetryAfter: { } retryAfter }
                    ? TimeSpan.FromSeconds(retryAfter)
                    : TimeSpan.FromMilliseconds(Math.Min(15_000, 250 * Math.Pow(2, Math.Min(attempt, 10))));
                logger.LogWarning("Telegram call failed ({Error}); retrying in {Delay}", redactor.Describe(e), delay);
                await Task.Delay(delay, ct);
            }
        }
    }
}
