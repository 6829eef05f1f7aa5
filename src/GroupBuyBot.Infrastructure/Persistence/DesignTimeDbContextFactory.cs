using GroupBuyBot.Infrastructure.Persistence.Postgres;
using GroupBuyBot.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore.Design;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --context SqliteBotDbContext</c> build the context without starting the bot.
/// Every model change gets a migration for each provider (see docs/postgres.md).
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBotDbContext>
{
    public SqliteBotDbContext CreateDbContext(string[] args) =>
        (SqliteBotDbContext)new SqliteDatabase(new DatabaseOptions { DataDirectory = Path.GetTempPath() }).CreateContext();
}

/// <summary>
/// <c>dotnet ef migrations add NAME --context PostgresBotDbContext</c>; adding a migration connects to nothing, and
/// <c>dotnet ef database update</c> takes the server from <c>GroupBuyBot__Database__ConnectionString</c>.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBotDbContext>
{
    public PostgresBotDbContext CreateDbContext(string[] args) =>
        (PostgresBotDbContext)new PostgresDatabase(new DatabaseOptions
        {
            Provider = DatabaseProviderKind.Postgres,
            ConnectionString = Environment.GetEnvironmentVariable("GroupBuyBot__Database__ConnectionString") is { Length: > 0 } configured
                ? configured
                : "Host=127.0.0.1;Username=postgres;Database=groupbuybot",
        }).CreateContext();
}
