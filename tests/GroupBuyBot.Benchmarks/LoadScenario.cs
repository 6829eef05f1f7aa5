using System.Diagnostics;
using GroupBuyBot.BotApiEmulator.Models;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// Many active chats, each with an open buy: members tap Join, type <c>/join 2</c>, and chat (real messages of the
/// eval corpus, which the bot reads and ignores). Throughput is every update handled end to end per second, from
/// the first posted update until every tap is answered and every <c>/join 2</c> has its reply (a chat's updates are
/// handled in order, so the chatter before them is handled too).
/// </summary>
public static class LoadScenario
{
    /// <param name="CpuSeconds">Processor time the bot's process used meanwhile: less sensitive to a busy machine.</param>
    public sealed record Result(int Chats, int Updates, int SignUps, double Seconds, double UpdatesPerSecond, double CpuSeconds, int[] ListMessageIds);

    public static long ChatId(int index) => -1_000_000 - index;

    public static long MemberId(int chat, int member) => 10_000_000 + (chat * 1000L) + member;

    public static async Task<Result> Run(BenchBot bot, int chats, int membersPerChat, int chatterPerMember, IReadOnlyList<string> chatter, Profiler? profiler = null)
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
        for (var i = 0; i < chats; i++) lists[i] = (await bot.WaitForList(ChatId(i), TimeSpan.FromSeconds(180))).MessageId;
        await telegram.WaitUntilIdle(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));

        // Timed: one round per member position, across all chats, so every chat is active at once.
        var confirmations = new Confirmations(telegram);
        var updates = 0;
        var signUps = 0;
        if (profiler is not null) await profiler.Start(bot.ProcessId);
        var cpuBefore = bot.CpuTime();
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

                if (m % 5 == 4) confirmations.Add(telegram.PostMessage(ChatId(i), member, "/join 2"));
                else confirmations.Add(telegram.TapButton(ChatId(i), lists[i], member, buttonText: "Join"));
                updates++;
                signUps++;
            }
        }

        var done = await confirmations.WaitAll(TimeSpan.FromMinutes(5), () => bot.HasExited);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cpuSeconds = (bot.CpuTime() - cpuBefore).TotalSeconds;
        if (profiler is not null) await profiler.Stop();
        if (!done)
        {
            throw new InvalidOperationException(
                $"{confirmations.UnansweredTaps()} taps and {confirmations.UnansweredCommands()} /join commands were never answered.\n{bot.LogTail()}");
        }

        return new Result(chats, updates, signUps, seconds, updates / seconds, cpuSeconds, lists);
    }
}
