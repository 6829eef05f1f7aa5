using System.Diagnostics;
using GroupBuyBot.Infrastructure.Logging;
using GroupBuyBot.Infrastructure.Telemetry;
using GroupBuyBot.Infrastructure.Telegram.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>
/// Handles one stored update in its own scope, retrying a failure a few times, then removes it from the inbox (a
/// change that committed removed it already, in its own transaction). Shared by polling and the webhook.
/// </summary>
public sealed class UpdateRunner(IServiceProvider services, UpdateInbox inbox, BotMetrics metrics, SecretRedactor redactor, ILogger<UpdateRunner> logger)
{
    private const int HandlingAttempts = 3;

    public async Task Run(Update update, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = UpdateOutcome.Ok;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<UpdateHandler>().Handle(update, ct);
                if (scope.ServiceProvider.GetRequiredService<UpdateCompletion>().Deferred)
                {
                    metrics.UpdateHandled(update, UpdateOutcome.Deferred, started);
                    return; // finished in ModelCalls
                }

                break;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (attempt >= HandlingAttempts)
                {
                    // A poison update must not stop its chat for ever; it is logged (redacted: an exception from a
                    // Telegram call may carry the URL, and with it the token) for the operator.
                    logger.LogError("Giving up on update {UpdateId} after {Attempts} attempts: {Exception}", update.Id, attempt, redactor.Redact(e.ToString()));
                    outcome = UpdateOutcome.Failed;
                    break;
                }

                logger.LogWarning("Update {UpdateId} failed; retrying: {Error}", update.Id, redactor.Describe(e));
                await Task.Delay(100 * attempt, ct);
            }
        }

        await inbox.MarkHandled(update.Id, ct);
        metrics.UpdateHandled(update, outcome, started);
    }

    /// <summary>
    /// Taps on one buy's list, as one change (<see cref="ListTaps"/>); if that fails, each is handled on its own,
    /// so a bad one never undoes the others.
    /// </summary>
    public async Task RunTaps(long buyId, IReadOnlyList<Update> taps, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ListTaps>().Handle(buyId, taps, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("{Count} taps on buy {BuyId} failed together; handling each alone: {Error}", taps.Count, buyId, redactor.Describe(e));
            foreach (var update in taps) await Run(update, ct);
            return;
        }

        foreach (var update in taps) await inbox.MarkHandled(update.Id, ct);
        foreach (var update in taps) metrics.UpdateHandled(update, UpdateOutcome.Ok, started); // each waited for the whole change
    }
}
