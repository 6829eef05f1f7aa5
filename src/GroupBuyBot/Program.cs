using GroupBuyBot;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Telegram;
using GroupBuyBot.Modes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// Composition only: which mode to run, with which configuration.
if (args is ["eval", ..])
{
    // The replay writes need boards: to a database of its own, never the bot's.
    var evalData = Directory.CreateTempSubdirectory("groupbuybot-eval-");
    try
    {
        using var evalHost = BotHost.CreateBuilder([], [new("GroupBuyBot:Database:DataDirectory", evalData.FullName)]).Build();
        return await EvalMode.Run(args, evalHost);
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        evalData.Delete(recursive: true);
    }
}

if (args is ["demo", ..])
{
    return await DemoMode.Run(args, Console.Out);
}

var configuration = BotHost.CreateBuilder(args).Configuration;
var token = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>()?.BotToken;
if (string.IsNullOrWhiteSpace(token))
{
    // No token: the bot runs offline against the built-in emulator, with the playground page to drive it.
    return await PlaygroundMode.Run(args, configuration);
}

if (!TelegramOptions.IsWellFormedToken(token))
{
    await Console.Error.WriteLineAsync("The Telegram bot token is malformed: it should look like 123456789:ABCdef… as @BotFather gives it.");
    return 2;
}

if (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Problem() is { } databaseProblem)
{
    await Console.Error.WriteLineAsync(databaseProblem);
    return 2;
}

await BotHost.CreateBuilder(args).Build().RunAsync();
return 0;
