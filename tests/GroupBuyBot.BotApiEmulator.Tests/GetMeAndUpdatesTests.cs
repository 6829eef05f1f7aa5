using System.Diagnostics;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace GroupBuyBot.BotApiEmulator.Tests;

public sealed class GetMeAndUpdatesTests : EmulatorTestBase
{
    [Fact]
    public async Task GetMe_returns_the_bot_id_from_the_token_and_the_configured_username()
    {
        var me = await Bot.GetMe();

        Assert.Equal(123456, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("GroupBuyTestBot", me.Username);
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized()
    {
        var stranger = new TelegramBotClient(new TelegramBotClientOptions("999:WRONG", Emulator.BaseUrl.ToString()));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe());

        Assert.Equal(401, error.ErrorCode);
    }

    [Fact]
    public async Task Offset_confirms_earlier_updates_and_ids_increase()
    {
        var first = Emulator.State.PostMessage(GroupId, Alice, "one");
        var second = Emulator.State.PostMessage(GroupId, Bob, "two");

        var all = await Bot.GetUpdates();
        Assert.Equal([first.UpdateId, second.UpdateId], all.Select(u => u.Id));
        Assert.True(second.UpdateId > first.UpdateId);
        Assert.Equal("one", all[0].Message!.Text);
        Assert.Equal(Alice, all[0].Message!.From!.Id);

        var afterFirst = await Bot.GetUpdates(offset: first.UpdateId + 1);
        Assert.Equal([second.UpdateId], afterFirst.Select(u => u.Id));
        Assert.Equal(1, Emulator.State.PendingUpdateCount);

        var afterAll = await Bot.GetUpdates(offset: second.UpdateId + 1);
        Assert.Empty(afterAll);
        Assert.Equal(0, Emulator.State.PendingUpdateCount);
    }

    [Fact]
    public async Task Limit_caps_the_batch()
    {
        for (var i = 0; i < 5; i++)
        {
            Emulator.State.PostMessage(GroupId, Alice, $"m{i}");
        }

        var batch = await Bot.GetUpdates(limit: 2);

        Assert.Equal(2, batch.Length);
    }

    [Fact]
    public async Task Long_poll_wakes_up_as_soon_as_an_update_arrives()
    {
        var stopwatch = Stopwatch.StartNew();
        var poll = Bot.GetUpdates(timeout: 20);
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);

        Emulator.State.PostMessage(GroupId, Alice, "wake up");
        var updates = await poll;

        Assert.Single(updates);
        Assert.Equal("wake up", updates[0].Message!.Text);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Long_poll_returns_empty_after_the_timeout()
    {
        var stopwatch = Stopwatch.StartNew();

        var updates = await Bot.GetUpdates(timeout: 1);

        Assert.Empty(updates);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Allowed_updates_filters_out_other_types()
    {
        Emulator.State.PostMessage(GroupId, Alice, "a message");

        var updates = await Bot.GetUpdates(allowedUpdates: [UpdateType.CallbackQuery]);

        Assert.Empty(updates);
        Assert.Equal(0, Emulator.State.PendingUpdateCount);
    }

    [Fact]
    public async Task Commands_get_bot_command_entities_including_the_bot_name()
    {
        Emulator.State.PostMessage(GroupId, Alice, "/join@GroupBuyTestBot 3 please");

        var message = (await Bot.GetUpdates()).Single().Message!;

        var entity = Assert.Single(message.Entities!);
        Assert.Equal(MessageEntityType.BotCommand, entity.Type);
        Assert.Equal(0, entity.Offset);
        Assert.Equal("/join@GroupBuyTestBot".Length, entity.Length);
        Assert.Equal(ChatType.Supergroup, message.Chat.Type);
    }

    [Fact]
    public async Task Replies_and_threads_reach_the_bot()
    {
        var original = Emulator.State.PostMessage(GroupId, Alice, "original");
        Emulator.State.PostMessage(GroupId, Bob, "reply", replyToMessageId: original.MessageId);

        var updates = await Bot.GetUpdates();

        Message reply = updates[1].Message!;
        Assert.Equal(original.MessageId, reply.ReplyToMessage!.MessageId);
        Assert.Equal("original", reply.ReplyToMessage.Text);
    }
}
