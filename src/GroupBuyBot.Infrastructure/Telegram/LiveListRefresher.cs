using System.Diagnostics;
using GroupBuyBot.Core.Features.Listing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Re-renders live lists after changes, coalesced: however many members tap Join, a buy's announcement is
/// edited at most once per <see cref="TelegramOptions.ListEditIntervalMs"/>, always with the latest state.
/// </summary>
public sealed class LiveListRefresher(IGroupBuyStore buys, IChatStore chats, TelegramSender sender, IOptions<TelegramOptions> options,
    GroupBuyBot.Infrastructure.Logging.SecretRedactor redactor,
    ILogger<LiveListRefresher> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, ListState> _lists = [];
    private readonly TimeSpan _interval = TimeSpan.FromMilliseconds(options.Value.ListEditIntervalMs);
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Marks a buy's list as stale; it will be edited as soon as its interval allows.</summary>
    public void Request(long buyId)
    {
        lock (_lock)
        {
            if (!_lists.TryGetValue(buyId, out var state)) _lists[buyId] = state = new ListState();
            state.Pending = true;
        }

        _wake.Release();
    }

    /// <summary>Edits a list right now (and resets its interval), e.g. when a buy closes.</summary>
    public async Task RefreshNow(long buyId, CancellationToken ct)
    {
        lock (_lock)
        {
            if (!_lists.TryGetValue(buyId, out var state)) _lists[buyId] = state = new ListState();
            state.Pending = false;
            state.LastEdit = Stopwatch.GetTimestamp();
        }

        await Render(buyId, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = TakeDue(out var nextWake);
            foreach (var buyId in due)
            {
                _ = Edit(buyId, stoppingToken);
            }

            try
            {
                await _wake.WaitAsync(nextWake, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Don't leave a list showing stale totals: flush what is pending.
        List<long> pending;
        lock (_lock) pending = [.. _lists.Where(l => l.Value.Pending).Select(l => l.Key)];
        foreach (var buyId in pending)
        {
            try
            {
                await Render(buyId, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not refresh the list of buy {BuyId} at shutdown: {Error}", buyId, redactor.Describe(e));
            }
        }
    }

    private List<long> TakeDue(out TimeSpan nextWake)
    {
        var due = new List<long>();
        nextWake = TimeSpan.FromSeconds(1);
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            foreach (var (buyId, state) in _lists)
            {
                if (!state.Pending || state.InFlight) continue;
                var sinceLast = Stopwatch.GetElapsedTime(state.LastEdit, now);
                if (state.LastEdit == 0 || sinceLast >= _interval)
                {
                    state.Pending = false;
                    state.InFlight = true;
                    state.LastEdit = now;
                    due.Add(buyId);
                }
                else if (_interval - sinceLast < nextWake)
                {
                    nextWake = _interval - sinceLast;
                }
            }
        }

        return due;
    }

    private async Task Edit(long buyId, CancellationToken ct)
    {
        try
        {
            await Render(buyId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not refresh the list of buy {BuyId}: {Error}", buyId, redactor.Describe(e));
            Request(buyId); // try again after the interval: the list must catch up eventually
        }
        finally
        {
            lock (_lock) _lists[buyId].InFlight = false;
            _wake.Release();
        }
    }

    private async Task Render(long buyId, CancellationToken ct)
    {
        var buy = await buys.Find(buyId, ct);
        if (buy?.AnnouncementMessageId is not { } messageId) return;

        var chat = await chats.Get(buy.ChatId, ct);
        var markup = buy.Status == GroupBuyStatus.Open ? ListButtons.For(buy.Id, chat.Language) : null;
        await sender.EditText(buy.ChatId, messageId, GroupBuyListText.Render(buy, chat), markup, ct);
    }

    private sealed class ListState
    {
        public bool Pending { get; set; }
        public bool InFlight { get; set; }
        public long LastEdit { get; set; }
    }
}
