using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>Brings the database schema up to date before anything else starts (registered first).</summary>
public sealed class DatabaseMigrator(IDbContextFactory<BotDbContext> contexts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await SqliteDatabase.Migrate(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
