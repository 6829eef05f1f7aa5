using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Persistence.Postgres;
using GroupBuyBot.Playground;
using Microsoft.Extensions.Configuration;

namespace GroupBuyBot.Modes;

/// <summary>
/// With no bot token, the real bot runs against the built-in Telegram emulator and a web page on 127.0.0.1 lets
/// anyone play every member of a group chat: no Telegram, no network (see docs/architecture.md#playground).
/// </summary>
public static class PlaygroundMode
{
    public static async Task<int> Run(string[] args, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Problem() is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 2;
        }

        var postgres = database.Provider == DatabaseProviderKind.Postgres
            ? PostgresDatabase.PlaygroundConnectionString(database.ConnectionString) : null;
        var dataDirectory = Path.Combine(database.DataDirectory, "playground");
        await using var playground = PlaygroundApp.Create(args, new PlaygroundSettings
        {
            Port = configuration.GetValue("GroupBuyBot:Playground:Port", 8088),
            DataDirectory = dataDirectory,
            PostgresConnectionString = postgres,
        });
        await playground.StartAsync();

        var url = playground.BaseUrl.ToString();
        var data = postgres is null
            ? $"SQLite in {Path.GetFullPath(dataDirectory)}"
            : $"PostgreSQL database {new Npgsql.NpgsqlConnectionStringBuilder(postgres).Database}, its own beside the configured one";
        Console.WriteLine($"""

            GroupBuyBot playground: open {url} in a browser.

            No Telegram token is configured, so the bot runs against a built-in Telegram emulator: write in the
            group as any member, tap the bot's buttons, fast-forward time. No real Telegram; the
            playground starts afresh each run ({data}). Scripts can drive the same emulator: {url}driver/state (docs/emulator.md).
            To use a real bot, set GroupBuyBot__Telegram__BotToken (docs/deployment.md). Press Ctrl+C to stop.

            """);
        await playground.WaitForShutdownAsync();
        return 0;
    }
}
