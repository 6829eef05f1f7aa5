using GroupBuyBot;
using GroupBuyBot.Infrastructure.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// Composition only: which mode to run, with which configuration.
var builder = BotHost.CreateBuilder(args);
var telegram = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
if (!TelegramOptions.IsWellFormedToken(telegram.BotToken))
{
    Console.Error.WriteLine(string.IsNullOrWhiteSpace(telegram.BotToken)
        ? "No Telegram bot token: set GroupBuyBot__Telegram__BotToken (from @BotFather) or GroupBuyBot:Telegram:BotToken in appsettings.json."
        : "The Telegram bot token is malformed: it should look like 123456789:ABCdef… as @BotFather gives it.");
    return 2;
}

await builder.Build().RunAsync();
return 0;
