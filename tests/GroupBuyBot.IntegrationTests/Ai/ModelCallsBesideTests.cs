using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.IntegrationTests.Telegram;
using GroupBuyBot.TestKit.FakeOpenAi;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Ai;

/// <summary>
/// Model calls beside the update path: an ambiguous sign-up reply (the member sees 👀 at once, the chat goes on, the
/// reading follows unless the member changed their sign-up meanwhile) and a Start tap's proposal (the organizer is
/// answered at once, the draft follows).
/// </summary>
public class ModelCallsBesideTests
{
    protected virtual DatabaseProviderKind Database => DatabaseProviderKind.Sqlite;

    private const string Ambiguous = "嗯…我考虑一下，可能要两份吧";

    [Fact]
    public async Task The_chat_goes_on_while_the_model_reads_and_the_reading_then_signs_the_member_up()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        var release = ReadsJoinTwoWhenReleased(llm);
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
        var release = ReadsJoinTwoWhenReleased(llm);
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

    [Fact]
    public async Task A_start_tap_is_answered_at_once_and_the_draft_follows_when_the_model_has_proposed_it()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        var release = new TaskCompletionSource();
        llm.Responder = request =>
        {
            if (!request.Messages[^1].Content.Contains("NEED START", StringComparison.Ordinal)) return FakeAnswer.Error(503); // extraction: the embedded fallback
            release.Task.Wait(TimeSpan.FromSeconds(20));
            return FakeAnswer.Json("""{"title":"AC deep clean","min_units":3,"deadline_days":4}""");
        };
        await using var bot = await StartWithModel(llm);

        var ask = bot.Say(Bob, "Anyone want to book a deep clean for our air conditioners? Ours is filthy");
        bot.Say(Carol, "Count me in, ours is dusty too", replyTo: ask.MessageId);
        bot.Say(Dave, "+1 for us", replyTo: ask.MessageId);
        var suggestion = await bot.BotMessage(m => m.Text?.StartsWith("💡", StringComparison.Ordinal) == true, timeoutSeconds: 20);

        Assert.Equal("Drafting the group buy… the questions follow in the chat.", await bot.Answer(bot.Tap(Alice, suggestion, "Start a group buy")));
        var help = bot.Say(Erin, "/help");
        await bot.ReplyTo(help); // the chat goes on meanwhile
        Assert.Empty(bot.GroupMessagesContaining("Draft from the suggestion"));

        release.SetResult();
        var draft = await bot.BotMessage(m => m.Text?.Contains("Draft from the suggestion", StringComparison.Ordinal) == true, timeoutSeconds: 20);
        Assert.Contains("AC deep clean", draft.Text);
        Assert.Contains("minimum 3", draft.Text);
        await bot.BotMessage(m => m.MessageId == suggestion.MessageId && m.Buttons.Count == 0 && m.Text!.Contains("is starting a group buy", StringComparison.Ordinal));
    }

    /// <summary>The model reads "join 2", but only once the test releases it.</summary>
    private static TaskCompletionSource ReadsJoinTwoWhenReleased(FakeOpenAiServer llm)
    {
        var release = new TaskCompletionSource();
        llm.Responder = _ =>
        {
            release.Task.Wait(TimeSpan.FromSeconds(20));
            return FakeAnswer.Json("""{"intent":"join","quantity":2}""");
        };
        return release;
    }

    private Task<BotHarness> StartWithModel(FakeOpenAiServer llm) => BotHarness.Start(database: Database, settings: new Dictionary<string, string?>
    {
        ["GroupBuyBot:Llm:BaseUrl"] = llm.BaseUrl.ToString(),
        ["GroupBuyBot:Llm:Model"] = "fake-model",
        ["GroupBuyBot:Llm:ApiKey"] = "sk-test-never-logged",
        ["GroupBuyBot:Llm:TimeoutSeconds"] = "30",
        ["GroupBuyBot:Llm:MaxRetries"] = "1",
        ["GroupBuyBot:Llm:RetryBaseDelayMilliseconds"] = "10",
        ["GroupBuyBot:Llm:CooldownSeconds"] = "0",
    });
}

/// <summary>
/// The same on PostgreSQL, where chats are claimed and each step re-reads the chat's inbox: the update whose model call
/// is under way keeps its inbox row, and must not be handled again meanwhile, here or by another instance.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class ModelCallsBesideOnPostgresTests : ModelCallsBesideTests
{
    protected override DatabaseProviderKind Database => DatabaseProviderKind.Postgres;
}
