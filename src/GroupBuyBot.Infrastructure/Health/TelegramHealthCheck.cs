using GroupBuyBot.Infrastructure.Logging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Telegram.Bot;

namespace GroupBuyBot.Infrastructure.Health;

/// <summary>
/// Ready when Telegram answers getMe now, once, through the client that sends (its short timeout): a probe tells
/// whether Telegram can be reached at this moment, not whether it could be a while ago.
/// </summary>
public sealed class TelegramHealthCheck(ITelegramBotClient bot, SecretRedactor redactor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await bot.GetMe(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Telegram did not answer getMe: " + redactor.Describe(e)); // the URL carries the token
        }
    }
}
