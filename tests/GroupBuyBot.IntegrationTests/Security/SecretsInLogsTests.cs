using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.IntegrationTests.Telegram;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.FakeOpenAi;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Security;

/// <summary>The bot token (it is in every Bot API URL) and the LLM key never reach a log line, even at Trace level.</summary>
public class SecretsInLogsTests
{
    private const string LlmKey = "sk-live-SECRET-key-4242424242";

    [Fact]
    public async Task Failing_telegram_and_model_calls_log_neither_the_bot_token_nor_the_llm_key()
    {
        var logs = new CapturedLogs();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => FakeAnswer.Error(503);
        TcpRelay? relay = null;
        await using var bot = await BotHarness.Start(logs: logs, route: emulator => (relay = TcpRelay.Start(emulator)).BaseUrl, settings: new Dictionary<string, string?>
        {
            ["GroupBuyBot:Llm:BaseUrl"] = llm.BaseUrl.ToString(),
            ["GroupBuyBot:Llm:Model"] = "fake-model",
            ["GroupBuyBot:Llm:ApiKey"] = LlmKey,
            ["GroupBuyBot:Llm:TimeoutSeconds"] = "5", // the fake answers 503 at once; a short timeout only loses the call on a busy machine
            ["GroupBuyBot:Llm:MaxRetries"] = "0",
        });
        await using var _ = relay!;

        bot.Telegram.InjectFault(new FaultSpec(FaultKind.InternalServerError, Method: "sendMessage", Count: 1));
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.BadGateway, Method: "getUpdates", Count: 1));
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.Delay, Method: "getUpdates", Count: 1, DelayMilliseconds: 5000));
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1, timeoutSeconds: 25);

        relay!.Cut(); // connection resets: HttpRequestExceptions from the client
        bot.Say(Bob, "/join 2");
        await Task.Delay(800);
        relay.Restore();
        await bot.List(1, text => text.Contains("Bob"), timeoutSeconds: 20);

        bot.Telegram.ForgeCallbackQuery(GroupId, list.MessageId, Carol.Id, "gb:j:999"); // a refused tap
        var ask = bot.Say(Bob, "Anyone want to book a deep clean for our air conditioners? Ours is filthy");
        bot.Say(Carol, "Count me in, ours is dusty too", replyTo: ask.MessageId);
        bot.Say(Dave, "+1 for us", replyTo: ask.MessageId);
        await bot.BotMessage(m => m.Text?.StartsWith("💡", StringComparison.Ordinal) == true, timeoutSeconds: 20);
        await bot.StopBot();

        var lines = logs.Lines;
        Assert.Contains(lines, line => line.Contains("retrying", StringComparison.OrdinalIgnoreCase)); // failures were logged
        Assert.Contains(lines, line => line.Contains("/sendMessage", StringComparison.Ordinal));      // and the HTTP calls, redacted
        var secretPart = Token[(Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.DoesNotContain(lines, line => line.Contains(secretPart, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(LlmKey, StringComparison.Ordinal));
        Assert.NotEmpty(llm.Requests);
    }
}
