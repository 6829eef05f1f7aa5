using GroupBuyBot.Infrastructure.Logging;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GroupBuyBot.Infrastructure.Health;

/// <summary>Ready when the database answers a query (a round trip, not a pooled connection taken on trust).</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<BotDbContext> contexts, SecretRedactor redactor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.BotState.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database did not answer: " + redactor.Describe(e));
        }
    }
}
