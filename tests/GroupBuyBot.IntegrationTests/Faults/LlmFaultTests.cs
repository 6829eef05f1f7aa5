using GroupBuyBot.IntegrationTests.Telegram;
using GroupBuyBot.TestKit.FakeOpenAi;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Faults;

/// <summary>The model provider down or slow in the middle of a story: the embedded extractor still finds the need.</summary>
public class LlmFaultTests
{
    [Theory]
    [InlineData("down")]
    [InlineData("slow")]
    public async Task With_the_provider_failing_members_still_get_the_suggestion_from_the_embedded_extractor(string fault)
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => fault == "down" ? FakeAnswer.Error(503) : FakeAnswer.Slow(TimeSpan.FromSeconds(10));
        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?>
        {
            ["GroupBuyBot:Llm:BaseUrl"] = llm.BaseUrl.ToString(),
            ["GroupBuyBot:Llm:Model"] = "fake-model",
            ["GroupBuyBot:Llm:ApiKey"] = "sk-test-never-logged",
            ["GroupBuyBot:Llm:TimeoutSeconds"] = "0.5",
            ["GroupBuyBot:Llm:MaxRetries"] = "1",
            ["GroupBuyBot:Llm:RetryBaseDelayMilliseconds"] = "10",
        });

        var ask = bot.Say(Bob, "Anyone want to book a deep clean for our air conditioners? Ours is filthy");
        bot.Say(Carol, "Count me in, ours is dusty too", replyTo: ask.MessageId);
        bot.Say(Dave, "+1 for us", replyTo: ask.MessageId);

        var suggestion = await bot.BotMessage(m => m.Text?.StartsWith("💡", StringComparison.Ordinal) == true, timeoutSeconds: 20);
        Assert.Contains("3 of you", suggestion.Text);
        Assert.NotEmpty(llm.Requests); // the model was tried and failed; the fallback answered

        // The organizer's tap still drafts the buy (the proposal falls back too).
        await bot.Answer(bot.Tap(Alice, suggestion, "Start a group buy"), timeoutSeconds: 20);
        var askPrice = await bot.BotMessage(m => m.Text?.Contains("Draft from the suggestion", StringComparison.Ordinal) == true, timeoutSeconds: 20);
        Assert.Contains("price", askPrice.Text);
    }
}
