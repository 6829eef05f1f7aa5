using System.Collections.Concurrent;
using GroupBuyBot.BotApiEmulator.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;
using GroupBuyBot.BotApiEmulator.State;

namespace GroupBuyBot.BotApiEmulator.Tests;

public sealed class ConcurrencyAndWaitTests : EmulatorTestBase
{
    [Fact]
    public async Task A_thousand_parallel_taps_are_all_delivered_answered_and_counted()
    {
        var sent = await Bot.SendMessage(GroupId, "Order", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Join", "join")));
        for (var i = 0; i < 50; i++)
        {
            Emulator.State.UpsertUser(new EmulatedUser(10_000 + i, $"User{i}"));
        }

        var tapIds = new ConcurrentBag<string>();
        Parallel.For(0, 1000, i => tapIds.Add(Emulator.State.TapButton(GroupId, sent.MessageId, 10_000 + (i % 50), callbackData: "join").CallbackQueryId));

        var seen = new HashSet<string>();
        var offset = 0;
        while (seen.Count < 1000)
        {
            var updates = await Bot.GetUpdates(offset, timeout: 1);
            Assert.NotEmpty(updates);
            await Task.WhenAll(updates.Select(u => Bot.AnswerCallbackQuery(u.CallbackQuery!.Id)));
            foreach (var update in updates)
            {
                Assert.True(update.Id >= offset);
                seen.Add(update.CallbackQuery!.Id);
                offset = update.Id + 1;
            }
        }

        await Bot.GetUpdates(offset);
        Assert.Equal(tapIds.Order(), seen.Order());
        Assert.All(tapIds, id => Assert.True(Emulator.State.GetCallbackAnswer(id)!.Answered));
        Assert.Equal(0, Emulator.State.PendingUpdateCount);
    }

    [Fact]
    public async Task WaitForMessage_and_WaitUntilIdle_follow_a_polling_bot()
    {
        using var cts = new CancellationTokenSource();
        Bot.StartReceiving(
            async (bot, update, ct) =>
            {
                if (update.Message is { Text: { } text } message && text.StartsWith("/price", StringComparison.Ordinal))
                {
                    await Task.Delay(50, ct);
                    await bot.SendMessage(message.Chat.Id, "Rice costs 5", replyParameters: new ReplyParameters { MessageId = message.MessageId }, cancellationToken: ct);
                }
            },
            (_, _, _) => Task.CompletedTask,
            new ReceiverOptions { DropPendingUpdates = false },
            cts.Token);

        var nextBotMessage = Emulator.State.WaitForBotMessage(GroupId, TimeSpan.FromSeconds(10));
        var asked = Emulator.State.PostMessage(GroupId, Alice, "/price rice");
        Assert.Equal("Rice costs 5", (await nextBotMessage).Text);
        var answer = await Emulator.State.WaitForMessage(GroupId, m => m.IsFromBot && m.ReplyToMessageId == asked.MessageId, TimeSpan.FromSeconds(10));
        await Emulator.State.WaitUntilIdle(TimeSpan.FromSeconds(10));

        Assert.Equal("Rice costs 5", answer.Text);
        Assert.Equal(0, Emulator.State.PendingUpdateCount);
        await Assert.ThrowsAsync<TimeoutException>(() =>
            Emulator.State.WaitForMessage(GroupId, m => m.Text == "never", TimeSpan.FromMilliseconds(200)));
        await cts.CancelAsync();
    }

    [Fact]
    public async Task WaitUntilIdle_times_out_while_updates_are_unconfirmed()
    {
        Emulator.State.PostMessage(GroupId, Alice, "nobody polls");

        await Assert.ThrowsAsync<TimeoutException>(() => Emulator.State.WaitUntilIdle(TimeSpan.FromMilliseconds(200)));
    }
}

public sealed class MountedEmulatorTests
{
    [Fact]
    public async Task The_emulator_can_be_mapped_into_an_existing_web_application()
    {
        using var state = new EmulatorState(new BotApiEmulatorOptions { BotToken = "777:HOST" });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/", () => "playground page");
        app.MapBotApiEmulator(state);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var bot = new TelegramBotClient(new TelegramBotClientOptions("777:HOST", baseUrl));
        var me = await bot.GetMe();
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };

        Assert.Equal(777, me.Id);
        Assert.Equal("playground page", await http.GetStringAsync("/"));
        Assert.Contains("\"pending_updates\":0", await http.GetStringAsync("/driver/state"));
        await app.StopAsync();
    }
}
