using GroupBuyBot.IntegrationTests.Telegram;
using GroupBuyBot.TestKit.FakeOpenAi;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Ai;

/// <summary>
/// An ambiguous sign-up reply read by the model beside the update path: the member sees 👀 at once, the chat goes on,
/// and the reading follows (unless the member changed their sign-up meanwhile).
/// </summary>
public class ReplyReadingBesideTests
{
    private const string Ambiguous = "嗯…我考虑一下，可能要两份吧";

    [Fact]
    public async Task The_chat_goes_on_while_the_model_reads_and_the_reading_then_signs_the_member_up()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        var release = new TaskCompletionSource();
        llm.Responder = _ =>
        {
            release.Task.Wait(TimeSpan.FromSeconds(20)); // the model answers only when the test says so
            return FakeAnswer.Json("""{"intent":"join","quantity":2}""");
        };
        await using var bot = await StartWithModel(llm);
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1);

        var reply = bot.Say(Bob, Ambiguous, replyTo: list.MessageId);
        await bot.Telegram.WaitForMessage(GroupId, m => m.MessageId == reply.MessageId && m.BotReaction == "👀", TimeSpan.FromSeconds(10));

        // While the model is still reading, the same chat is answered.
        var carol = bot.Say(Carol, "/join 1");
        Assert.Contains("Carol signed up for 1 unit", (await bot.ReplyTo(carol)).Text);
        Assert.DoesNotContain(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.ReplyToMessageId == reply.MessageId);

        release.SetResult();
        Assert.Contains("Bob signed up for 2 units", (await bot.ReplyTo(reply, timeoutSeconds: 20)).Text);
        await bot.Telegram.WaitForMessage(GroupId, m => m.MessageId == reply.MessageId && m.BotReaction is null, TimeSpan.FromSeconds(10));
        await bot.List(1, text => text.Contains("Total: 3 units from 2 members", StringComparison.Ordinal));
        Assert.Single(llm.Requests);
    }

    [Fact]
    public async Task A_reading_that_arrives_after_the_member_changed_their_sign_up_is_not_applied_and_they_are_told()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        var release = new TaskCompletionSource();
        llm.Responder = _ =>
        {
            release.Task.Wait(TimeSpan.FromSeconds(20));
            return FakeAnswer.Json("""{"intent":"join","quantity":2}""");
        };
        await using var bot = await StartWithModel(llm);
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1);

        var reply = bot.Say(Bob, Ambiguous, replyTo: list.MessageId);
        await bot.Telegram.WaitForMessage(GroupId, m => m.MessageId == reply.MessageId && m.BotReaction == "👀", TimeSpan.FromSeconds(10));
        Assert.Contains("Bob signed up for 3 units", (await bot.ReplyTo(bot.Say(Bob, "/join 3"))).Text);

        release.SetResult();
        var told = await bot.ReplyTo(reply, timeoutSeconds: 20);
        Assert.Contains("did not apply your reply", told.Text);
        await bot.List(1, text => text.Contains("Total: 3 units from 1 member", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_model_down_the_local_guess_is_applied_and_nothing_is_lost()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => FakeAnswer.Error(503);
        await using var bot = await StartWithModel(llm);
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1);

        var reply = bot.Say(Bob, Ambiguous, replyTo: list.MessageId);

        Assert.Contains("Bob signed up for 2 units", (await bot.ReplyTo(reply, timeoutSeconds: 20)).Text);
        await bot.Telegram.WaitForMessage(GroupId, m => m.MessageId == reply.MessageId && m.BotReaction is null, TimeSpan.FromSeconds(10));
        Assert.NotEmpty(llm.Requests);
    }

    private static Task<BotHarness> StartWithModel(FakeOpenAiServer llm) => BotHarness.Start(settings: new Dictionary<string, string?>
    {
        ["GroupBuyBot:Llm:BaseUrl"] = llm.BaseUrl.ToString(),
        ["GroupBuyBot:Llm:Model"] = "fake-model",
        ["GroupBuyBot:Llm:ApiKey"] = "sk-test-never-logged",
        ["GroupBuyBot:Llm:TimeoutSeconds"] = "30",
        ["GroupBuyBot:Llm:MaxRetries"] = "1",
        ["GroupBuyBot:Llm:RetryBaseDelayMilliseconds"] = "10",
    });
}
