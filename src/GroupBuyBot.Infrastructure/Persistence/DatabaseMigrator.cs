using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// Brings the database schema up to date before anything else starts (registered first); on PostgreSQL under a lock,
/// so instances starting together migrate once (<see cref="DatabaseProvider.Migrate"/>).
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<BotDbContext> contexts, DatabaseProvider database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await database.Migrate(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
