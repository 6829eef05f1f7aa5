using System.Globalization;
using GroupBuyBot.Infrastructure.Logging;
using GroupBuyBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.Infrastructure.Health;

/// <summary>
/// Ready unless the outbox is stuck: its oldest row (by when it was written, on the bot's clock) is older than
/// <see cref="HealthOptions.OutboxMaxAgeSeconds"/>. Sends that keep failing, a chat held behind a failing row, or no
/// instance sending at all all show up here, on every instance, since the outbox is shared.
/// </summary>
public sealed class OutboxHealthCheck(PipelineBacklog backlog, TimeProvider time, IOptions<HealthOptions> options, SecretRedactor redactor)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        DateTimeOffset? oldest;
        try
        {
            oldest = await backlog.OldestOutboxRow(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The outbox could not be read: " + redactor.Describe(e));
        }

        if (oldest is not { } written) return HealthCheckResult.Healthy("The outbox is empty.");
        var age = time.GetUtcNow() - written;
        var seconds = Math.Max(0, (long)age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return age <= TimeSpan.FromSeconds(options.Value.OutboxMaxAgeSeconds)
            ? HealthCheckResult.Healthy($"The oldest outbox row is {seconds} s old.")
            : HealthCheckResult.Unhealthy($"The oldest outbox row is {seconds} s old (more than {options.Value.OutboxMaxAgeSeconds} s): sending is stuck.");
    }
}
