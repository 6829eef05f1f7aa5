using System.Collections.Concurrent;
using System.Text;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>
/// Delivering updates by webhook, as Telegram does once a bot set one, spread over several URLs as a load balancer in
/// front of several instances would: each update, in order, to the next URL in turn, with the secret token header;
/// it counts as delivered when that URL answers 2xx, otherwise it is offered to the next one a moment later. One
/// update at a time (Telegram's <c>max_connections</c> of 1).
/// </summary>
public sealed partial class EmulatorState
{
    private readonly ConcurrentDictionary<string, int> _webhookDeliveries = new();
    private Task? _webhookLoop;

    /// <summary>How many updates each URL accepted.</summary>
    public IReadOnlyDictionary<string, int> WebhookDeliveries => _webhookDeliveries;

    /// <summary>Starts delivering every pending and future update to <paramref name="targets"/>, round robin (once per emulator).</summary>
    public void DeliverByWebhook(IReadOnlyList<Uri> targets, string? secretToken)
    {
        if (targets.Count == 0) throw new EmulatorDriverException("Give at least one webhook URL.");
        lock (_gate)
        {
            if (_webhookLoop is not null) throw new EmulatorDriverException("Updates are delivered by webhook already.");
            _webhookLoop = Task.Run(() => DeliverLoop([.. targets], secretToken));
        }
    }

    private async Task DeliverLoop(Uri[] targets, string? secretToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var turn = 0;
        while (!Stopping.IsCancellationRequested)
        {
            PendingUpdate? head;
            Task arrived;
            lock (_gate)
            {
                head = _pendingUpdates.Count > 0 ? _pendingUpdates.Peek() : null;
                arrived = _updateArrived.Task;
            }

            try
            {
                if (head is null)
                {
                    await arrived.WaitAsync(TimeSpan.FromSeconds(1), Stopping).ContinueWith(_ => { }, TaskScheduler.Default);
                    continue;
                }

                var target = targets[turn++ % targets.Length];
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(head.Payload.ToJsonString(), Encoding.UTF8, "application/json") };
                if (secretToken is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secretToken);
                using var response = await http.SendAsync(request, Stopping);
                if (!response.IsSuccessStatusCode)
                {
                    await Task.Delay(100, Stopping);
                    continue;
                }

                _webhookDeliveries.AddOrUpdate(target.ToString(), 1, (_, n) => n + 1);
                lock (_gate)
                {
                    if (_pendingUpdates.Count > 0 && _pendingUpdates.Peek().UpdateId == head.UpdateId) _pendingUpdates.Dequeue();
                }
            }
            catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100, Stopping).ContinueWith(_ => { }, TaskScheduler.Default); // that instance is down or slow: the next one gets it
            }
        }
    }
}
