using GroupBuyBot.BotApiEmulator.Models;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.BotApiEmulator.Tests;

public sealed class CallbackAndPrivateChatTests : EmulatorTestBase
{
    [Fact]
    public async Task Tapping_a_button_creates_a_callback_query_the_bot_can_answer_once()
    {
        var sent = await Bot.SendMessage(GroupId, "Order #1", replyMarkup: new InlineKeyboardMarkup(
            [[InlineKeyboardButton.WithCallbackData("Join", "join:1"), InlineKeyboardButton.WithCallbackData("Leave", "leave:1")]]));

        var tap = Emulator.State.TapButton(GroupId, sent.MessageId, Bob, buttonText: "Leave");
        var update = Assert.Single(await Bot.GetUpdates());

        Assert.Equal(tap.UpdateId, update.Id);
        Assert.Equal(UpdateType.CallbackQuery, update.Type);
        var query = update.CallbackQuery!;
        Assert.Equal(tap.CallbackQueryId, query.Id);
        Assert.Equal("leave:1", query.Data);
        Assert.Equal(Bob, query.From.Id);
        Assert.Equal(sent.MessageId, query.Message!.MessageId);
        Assert.False(Emulator.State.GetCallbackAnswer(query.Id)!.Answered);

        await Bot.AnswerCallbackQuery(query.Id, "You left", showAlert: true);
        var twice = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery(query.Id));

        var answer = Emulator.State.GetCallbackAnswer(query.Id)!;
        Assert.True(answer.Answered);
        Assert.Equal("You left", answer.Text);
        Assert.True(answer.ShowAlert);
        Assert.Equal("Bad Request: query is too old and response timeout expired or query ID is invalid", twice.Message);
    }

    [Fact]
    public async Task A_forged_callback_query_carries_any_data_even_on_a_message_without_that_button()
    {
        var sent = await Bot.SendMessage(GroupId, "Order #1", replyMarkup: new InlineKeyboardMarkup(
            [[InlineKeyboardButton.WithCallbackData("Join", "join:1")]]));

        Assert.Throws<EmulatorDriverException>(() => Emulator.State.TapButton(GroupId, sent.MessageId, Bob, callbackData: "join:999"));
        var forged = Emulator.State.ForgeCallbackQuery(GroupId, sent.MessageId, Bob, "join:999");
        var update = Assert.Single(await Bot.GetUpdates());

        Assert.Equal(forged.UpdateId, update.Id);
        Assert.Equal("join:999", update.CallbackQuery!.Data);
        Assert.Equal(sent.MessageId, update.CallbackQuery.Message!.MessageId);
        await Bot.AnswerCallbackQuery(forged.CallbackQueryId, "No");
        Assert.Equal("No", Emulator.State.GetCallbackAnswer(forged.CallbackQueryId)!.Text);
    }

    [Fact]
    public async Task Answering_an_unknown_query_is_a_bad_request()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery("12345"));

        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("query ID is invalid", error.Message);
    }

    [Fact]
    public void Tapping_a_missing_button_is_a_driver_error()
    {
        var posted = Emulator.State.PostMessage(GroupId, Alice, "no buttons here");

        Assert.Throws<EmulatorDriverException>(() => Emulator.State.TapButton(GroupId, posted.MessageId, Bob, callbackData: "x"));
    }

    [Fact]
    public async Task Callback_data_over_64_bytes_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(GroupId, "x",
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Big", new string('d', 65)))));

        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
    }

    [Fact]
    public async Task Private_chat_is_forbidden_until_the_user_starts_the_bot_and_after_blocking()
    {
        var before = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, "hi"));
        Assert.Equal(403, before.ErrorCode);
        Assert.Equal("Forbidden: bot can't initiate conversation with a user", before.Message);

        var start = Emulator.State.StartBot(Alice, "order_7");
        var update = Assert.Single(await Bot.GetUpdates());
        Assert.Equal("/start order_7", update.Message!.Text);
        Assert.Equal(ChatType.Private, update.Message.Chat.Type);
        Assert.Equal(start.MessageId, update.Message.MessageId);

        var reply = await Bot.SendMessage(Alice, "Welcome <b>Alice</b>", parseMode: ParseMode.Html);
        Assert.Equal(Alice, reply.Chat.Id);
        Assert.Equal("Welcome Alice", Emulator.State.GetMessages(Alice)[^1].Text);

        Emulator.State.BlockBot(Alice);
        var blocked = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Alice, "still there?"));
        Assert.Equal("Forbidden: bot was blocked by the user", blocked.Message);

        var blockUpdate = (await Bot.GetUpdates(offset: update.Id + 1)).Single();
        Assert.Equal(ChatMemberStatus.Kicked, blockUpdate.MyChatMember!.NewChatMember.Status);

        Emulator.State.UnblockBot(Alice);
        await Bot.SendMessage(Alice, "back");
    }

    [Fact]
    public async Task Adding_and_removing_the_bot_emits_my_chat_member_and_removal_forbids_sending()
    {
        const long newGroup = -5005;
        Emulator.State.CreateChat(new ChatSpec(newGroup, ChatKind.Group, "New group", BotIsMember: false));
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(newGroup, "hi"));

        Emulator.State.AddBotToChat(newGroup, Alice, asAdmin: true);
        var updates = await Bot.GetUpdates();
        var added = updates[0].MyChatMember!;
        Assert.Equal(ChatMemberStatus.Left, added.OldChatMember.Status);
        Assert.Equal(ChatMemberStatus.Administrator, added.NewChatMember.Status);
        Assert.Equal(Alice, added.From.Id);
        Assert.Equal(123456, updates[1].Message!.NewChatMembers!.Single().Id);
        await Bot.SendMessage(newGroup, "thanks for adding me");

        Emulator.State.RemoveBotFromChat(newGroup, Alice);
        var removed = (await Bot.GetUpdates(offset: updates[^1].Id + 1)).Single().MyChatMember!;
        Assert.Equal(ChatMemberStatus.Left, removed.NewChatMember.Status);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(newGroup, "hello?"));
        Assert.Equal("Forbidden: bot is not a member of the group chat", error.Message);
    }

    [Fact]
    public async Task Migrating_a_group_announces_both_ids_and_the_old_id_answers_with_migrate_to_chat_id()
    {
        const long group = -777;
        Emulator.State.CreateChat(new ChatSpec(group, ChatKind.Group, "Basic group"));

        var supergroupId = Emulator.State.MigrateToSupergroup(group);
        var updates = await Bot.GetUpdates();

        Assert.Equal(supergroupId, updates[0].Message!.MigrateToChatId);
        Assert.Equal(group, updates[0].Message!.Chat.Id);
        Assert.Equal(group, updates[1].Message!.MigrateFromChatId);
        Assert.Equal(supergroupId, updates[1].Message!.Chat.Id);
        Assert.Equal(ChatType.Supergroup, updates[1].Message!.Chat.Type);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(group, "hi"));
        Assert.Equal("Bad Request: group chat was upgraded to a supergroup chat", error.Message);
        Assert.Equal(supergroupId, error.Parameters!.MigrateToChatId);
        await Bot.SendMessage(supergroupId, "hi again");
    }
}
