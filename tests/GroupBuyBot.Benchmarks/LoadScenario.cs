using System.Diagnostics;
using GroupBuyBot.BotApiEmulator.Models;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// Many active chats, each with an open buy: members tap Join, type <c>/join 2</c>, and chat (real messages of the
/// eval corpus, which the bot reads and ignores). Throughput is every update handled end to end per second, from
/// the first posted update to the moment the bot has confirmed the last one.
/// </summary>
public static class LoadScenario
{
    /// <param name="CpuSeconds">Processor time this process (bot and emulator) used meanwhile: less sensitive to a busy machine.</param>
    public sealed record Result(int Chats, int Updates, int SignUps, double Seconds, double UpdatesPerSecond, double CpuSeconds, int[] ListMessageIds);

    public static long ChatId(int index) => -1_000_000 - index;

    public static long MemberId(int chat, int member) => 10_000_000 + (chat * 1000L) + member;

    public static async Task<Result> Run(BenchBot bot, int chats, int membersPerChat, int chatterPerMember, IReadOnlyList<string> chatter)
    {
        var telegram = bot.Telegram;
        for (var i = 0; i < chats; i++)
        {
            bot.CreateGroup(ChatId(i));
            for (var m = 0; m < membersPerChat; m++) telegram.UpsertUser(new EmulatedUser(MemberId(i, m), $"Member {i}-{m}"));
        }

        // Set-up, not timed: an organizer opens one buy per chat.
        for (var i = 0; i < chats; i++) telegram.PostMessage(ChatId(i), BenchBot.AdminId, $"/newbuy Bench item {i} | 10 | 5 | 2d");
        var lists = new int[chats];
        for (var i = 0; i < chats; i++) lists[i] = (await bot.WaitForList(ChatId(i), TimeSpan.FromSeconds(120))).MessageId;
        await telegram.WaitUntilIdle(TimeSpan.FromSeconds(60));

        // Timed: one round per member position, across all chats, so every chat is active at once.
        var taps = new List<TappedButton>();
        var updates = 0;
        var signUps = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        for (var m = 0; m < membersPerChat; m++)
        {
            for (var i = 0; i < chats; i++)
            {
                var member = MemberId(i, m);
                for (var c = 0; c < chatterPerMember; c++)
                {
                    telegram.PostMessage(ChatId(i), member, chatter[(int)((member + c) % chatter.Count)]);
                    updates++;
                }

                if (m % 5 == 4)
                {
                    telegram.PostMessage(ChatId(i), member, "/join 2");
                }
                else
                {
                    taps.Add(telegram.TapButton(ChatId(i), lists[i], member, buttonText: "Join"));
                }

                updates++;
                signUps++;
            }
        }

        while (telegram.PendingUpdateCount > 0) await Task.Delay(2);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

        await telegram.WaitUntilIdle(TimeSpan.FromSeconds(120));
        var unanswered = taps.Count(t => telegram.GetCallbackAnswer(t.CallbackQueryId) is not { Answered: true });
        if (unanswered > 0) throw new InvalidOperationException($"{unanswered} taps were never answered.");
        return new Result(chats, updates, signUps, seconds, updates / seconds, cpuSeconds, lists);
    }
}
