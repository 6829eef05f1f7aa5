using GroupBuyBot.Infrastructure.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Handles one update in its own scope, retrying a failure a few times; shared by polling and the webhook, so both
/// have the same idempotency (the update id is recorded with what it changed) and the same poison-update rule.
/// </summary>
public sealed class UpdateRunner(IServiceProvider services, SecretRedactor redactor, ILogger<UpdateRunner> logger)
{
    private const int HandlingAttempts = 3;

    public async Task Run(Update update, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<UpdateHandler>().Handle(update, ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (attempt >= HandlingAttempts)
                {
                    // A poison update must not stop the bot for everyone; it is logged (redacted: an exception from a
                    // Telegram call may carry the URL, and with it the token) for the operator.
                    logger.LogError("Giving up on update {UpdateId} after {Attempts} attempts: {Exception}", update.Id, attempt, redactor.Redact(e.ToString()));
                    return;
                }

                logger.LogWarning("Update {UpdateId} failed; retrying: {Error}", update.Id, redactor.Describe(e));
                await Task.Delay(100 * attempt, ct);
            }
        }
    }
}
