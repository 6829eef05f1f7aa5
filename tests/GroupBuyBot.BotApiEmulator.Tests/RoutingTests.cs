using GroupBuyBot.BotApiEmulator;
using Telegram.Bot;

namespace GroupBuyBot.BotApiEmulator.Tests;

public class RoutingTests
{
    [Theory]
    [InlineData("100000:OFFLINE-emulated-bot-token")]
    [InlineData("42:ABCDEFbotBOTBot_xyz")]
    public async Task Tokens_containing_bot_still_reach_the_api(string token)
    {
        await using var emulator = await BotApiEmulator.StartAsync(new BotApiEmulatorOptions { BotToken = token });
        var client = new TelegramBotClient(new TelegramBotClientOptions(token, emulator.BaseUrl.ToString()));

        var me = await client.GetMe();

        Assert.Equal(long.Parse(token.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture), me.Id);
    }
}
