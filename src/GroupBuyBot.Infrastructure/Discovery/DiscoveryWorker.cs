using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Discovery.Windows;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Discovery;

/// <summary>
/// Reads chat messages off the update path: buffers them per chat, sends a window to the extractor only when the
/// pre-filter says it is worth it (batched: after the chat settles or enough new messages), merges what was found
/// into the chat's need board and posts one suggestion per need that reached the threshold.
/// </summary>
public sealed class DiscoveryWorker(
    DiscoveryInbox inbox,
    ConversationWindows windows,
    NeedDiscovery discovery,
    NeedBoardStore board,
    IChatStore chats,
    DiscoveryHandler switches,
    DiscoveryOptions options,
    TimeProvider time,
    ILogger<DiscoveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaintenanceEvery = TimeSpan.FromMinutes(1);

    public long WindowsSent { get; private set; }

    public long WindowsSkipped { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastMaintenance = Environment.TickCount64;
        while (!stoppingToken.IsCancellationRequested)
        {
            while (inbox.Reader.TryRead(out var item)) windows.Add(item.ChatId, item.Message, Environment.TickCount64);

            foreach (var (chatId, window) in windows.TakeDue(Environment.TickCount64))
            {
                try
                {
                    await Process(chatId, window, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Discovery failed for a window of chat {ChatId}", chatId);
                }
            }

            if (Environment.TickCount64 - lastMaintenance > MaintenanceEvery.TotalMilliseconds)
            {
                lastMaintenance = Environment.TickCount64;
                await Maintain(stoppingToken);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(Tick);
            try
            {
                await inbox.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // the tick: look at due windows again
            }
        }
    }

    private async Task Process(long chatId, IReadOnlyList<ChatMessage> window, CancellationToken ct)
    {
        if (!WindowGate.IsWorthSending(window))
        {
            WindowsSkipped++;
            return;
        }

        var chat = await chats.Get(chatId, ct);
        if (!switches.IsOn(chat)) return; // turned off while the window waited

        WindowsSent++;
        var needs = await discovery.Extract(chatId, window, ct);
        var now = time.GetUtcNow();
        var ready = await board.ChangeChatAndSay(chat, list =>
        {
            NeedBoard.Merge(list, chatId, window, needs, now);
            var toSuggest = list.Where(n => NeedBoard.IsReadyToSuggest(n, options.SuggestionThreshold)).ToList();
            foreach (var need in toSuggest)
            {
                // Suggested once: the suggestion is stored with this change and posted from the outbox.
                need.Status = BoardNeedStatus.Suggested;
                need.SuggestedAt = now;
            }

            return toSuggest;
        }, toSuggest => toSuggest.Select(need => new Outcome
        {
            Reply = NeedSuggestionText.Render(need, chat.Language),
            Buttons = SuggestionButtons.Specs(need.Id, chat.Language),
        }), ct);

        foreach (var need in ready)
        {
            logger.LogInformation("Suggested need {NeedId} in chat {ChatId} ({Members} members)", need.Id, chatId, need.Members.Count);
        }
    }

    private async Task Maintain(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        windows.Prune(now);
        try
        {
            var deleted = await board.DeleteIdle(now - options.NeedIdle, ct);
            if (deleted > 0) logger.LogInformation("{Count} idle needs left the boards", deleted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not expire idle needs");
        }
    }
}
