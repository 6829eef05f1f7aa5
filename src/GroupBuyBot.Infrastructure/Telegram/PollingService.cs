using GroupBuyBot.Infrastructure.Logging;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Long-polls Telegram for updates, while this process is the <see cref="ActiveInstance"/> (always, on SQLite; on
/// PostgreSQL, the one instance holding the lease). Each batch is stored in the inbox, with the next offset, in one
/// transaction before the offset moves on; then it is queued for handling and the next poll starts at once: polling
/// never waits for a chat to be handled, only for the backlog to shrink when it is very long. On becoming active it
/// first queues what the inbox holds (left by a stop, a crash, or the instance that was active before) and resumes
/// after the stored offset, so a take-over neither skips nor repeats an update. When the lease is lost, polling stops
/// at once (the poll under way is cancelled) until this process is elected again.
/// </summary>
public sealed class PollingService(
    PollingClient polling,
    ITelegramBotClient bot,
    BotIdentity identity,
    UpdateInbox inbox,
    ChatQueues queues,
    ActiveInstance active,
    IOptions<TelegramOptions> options,
    SecretRedactor redactor,
    ILogger<PollingService> logger) : BackgroundService
{
    internal static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember, UpdateType.ChatMember, UpdateType.PreCheckoutQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Webhook.Enabled) return; // WebhookServer receives the updates instead

        var me = await WithRetries(token => bot.GetMe(token), stoppingToken);
        identity.Id = me.Id;
        identity.Username = me.Username ?? "";
        while (!stoppingToken.IsCancellationRequested)
        {
            var lease = await active.WhenActive(stoppingToken);
            using var whileActive = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease);
            try
            {
                await PollWhileActive(whileActive.Token, lease);
            }
            catch (OperationCanceledException) when (lease.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Stopped polling: this is no longer the active instance");
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                // The database, most likely (Telegram's own faults are retried inside): start over from what is stored.
                logger.LogError("Polling failed; starting again from the stored offset: {Error}", redactor.Describe(e));
                await Task.Delay(1000, stoppingToken);
            }
        }
    }

    private async Task PollWhileActive(CancellationToken ct, CancellationToken lease)
    {
        await WithRetries(async token =>
        {
            await bot.DeleteWebhook(cancellationToken: token);
            return true;
        }, ct);
        logger.LogInformation("Polling as @{Username}", identity.Username);

        await queues.EnqueueLeftOver(ct); // they go first, in order
        var offset = (await inbox.LastPolledUpdateId(ct) ?? -1) + 1;
        var acknowledged = offset;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await queues.WaitForRoom(ct);
                acknowledged = offset;
                var updates = await WithRetries(token => polling.Bot.GetUpdates(offset, 100, options.Value.PollingTimeoutSeconds, AllowedUpdates, token), ct);
                if (updates.Length == 0) continue;

                queues.Enqueue(await inbox.Store(updates, polled: true, ct));
                offset = updates.Max(u => u.Id) + 1;
            }
        }
        finally
        {
            // Telegram forgets updates only when a later poll names the next offset. On a stop, say it for the batch
            // just stored, so it is not fetched again (the inbox would ignore it, but a restart should start clean).
            // Not when the lease was lost: another instance polls now, and a poll from here would cut its poll short.
            if (offset > acknowledged && !lease.IsCancellationRequested) await Acknowledge(offset);
        }
    }

    private async Task Acknowledge(int offset)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds));
        try
        {
            await polling.Bot.GetUpdates(offset, 1, 0, AllowedUpdates, timeout.Token);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or OperationCanceledException)
        {
            logger.LogWarning("Could not tell Telegram which updates are stored; they will come again and be ignored: {Error}", redactor.Describe(e));
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

/// <summary>The Telegram client that long-polls: its HTTP timeout covers the long poll, unlike the one that sends.</summary>
public sealed class PollingClient(ITelegramBotClient bot)
{
    public ITelegramBotClient Bot => bot;
}
