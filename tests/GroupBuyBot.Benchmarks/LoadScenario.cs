using System.Diagnostics;
using GroupBuyBot.BotApiEmulator.Models;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// Many active chats, each with an open buy: members tap Join, type <c>/join 2</c>, and chat (real messages of the
/// eval corpus, which the bot reads and ignores). Throughput is every update handled end to end per second, from
/// the first posted update until every tap is answered and every <c>/join 2</c> has its reply (a chat's updates are
/// handled in order, so the chatter before them is handled too). A warm-up round of the same traffic in other chats
/// goes first, untimed, so the figure is the bot's steady state rather than its JIT compiler's first minute.
/// </summary>
public static class LoadScenario
{
    /// <param name="CpuSeconds">Processor time the bot's process used meanwhile: less sensitive to a busy machine.</param>
    /// <param name="Lost">Sign-ups members made that the database does not have.</param>
    /// <param name="Duplicated">Sign-ups stored more than once or with more units than asked, plus commands answered twice.</param>
    /// <param name="OutOfOrder">Chats whose sign-ups are not in the order the members made them (each chat's updates handled in order).</param>
    /// <param name="Jit">The JIT compiler's share meanwhile (the runtime's own counters: processor time compiling, methods
    /// compiled), null where the bot does not export them: how far the timed part still is from steady state.</param>
    public sealed record Result(int Chats, int Updates, int SignUps, double Seconds, double UpdatesPerSecond, double CpuSeconds, int[] ListMessageIds,
        int Lost, int Duplicated, int OutOfOrder, (double Seconds, double Methods)? Jit);

    public static long ChatId(int index) => -1_000_000 - index;

    public static long MemberId(int chat, int member) => 10_000_000 + (chat * 1000L) + member;

    private static long WarmUpChatId(int index) => -2_000_000 - index;

    private static long WarmUpMemberId(int chat, int member) => 50_000_000 + (chat * 1000L) + member;

    public static async Task<Result> Run(BenchBot bot, int chats, int membersPerChat, int chatterPerMember, IReadOnlyList<string> chatter, Profiler? profiler = null)
    {
        var telegram = bot.Telegram;
        var warmUpChats = Math.Clamp(chats / 10, 1, 50);

        // Set-up, not timed: an organizer opens one buy per chat.
        var lists = await OpenBuys(bot, chats, ChatId, i => MemberId(i, 0), membersPerChat);
        var warmUpLists = await OpenBuys(bot, warmUpChats, WarmUpChatId, i => WarmUpMemberId(i, 0), membersPerChat);

        // Warm-up, not timed: the same traffic in other chats.
        var warmUp = new Confirmations(telegram);
        Post(bot, warmUp, warmUpChats, membersPerChat, chatterPerMember, chatter, WarmUpChatId, WarmUpMemberId, warmUpLists);
        if (!await warmUp.WaitAll(TimeSpan.FromMinutes(3), () => bot.HasExited)) throw new InvalidOperationException($"The warm-up was never answered.\n{bot.LogTail()}");
        await telegram.WaitUntilIdle(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));

        // Timed: one round per member position, across all chats, so every chat is active at once.
        var confirmations = new Confirmations(telegram);
        if (profiler is not null) await profiler.Start(bot.ProcessId);
        Console.WriteLine($"Load: timed part starts (bot pid {bot.ProcessId})"); // a mark for an external profiler
        var jitBefore = await bot.JitSoFar();
        var cpuBefore = bot.CpuTime();
        var stopwatch = Stopwatch.StartNew();
        var (updates, signUps) = Post(bot, confirmations, chats, membersPerChat, chatterPerMember, chatter, ChatId, MemberId, lists);
        var done = await confirmations.WaitAll(TimeSpan.FromMinutes(5), () => bot.HasExited);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cpuSeconds = (bot.CpuTime() - cpuBefore).TotalSeconds;
        var jitAfter = await bot.JitSoFar();
        Console.WriteLine($"Load: timed part done after {seconds:0.0} s");
        if (profiler is not null) await profiler.Stop();
        if (!done)
        {
            throw new InvalidOperationException(
                $"{confirmations.UnansweredTaps()} taps and {confirmations.UnansweredCommands()} /join commands were never answered.\n{bot.LogTail()}");
        }

        var (lost, duplicated, outOfOrder) = Audit(bot, chats, membersPerChat);
        return new Result(chats, updates, signUps, seconds, updates / seconds, cpuSeconds, lists, lost, duplicated + confirmations.CommandsAnsweredTwice(), outOfOrder,
            jitBefore is { } b && jitAfter is { } a ? (a.Seconds - b.Seconds, a.Methods - b.Methods) : null);
    }

    /// <summary>
    /// The timed chats' sign-ups in the database against what the members did: member m of each chat signed up once,
    /// for 2 units with <c>/join 2</c> (every fifth) and 1 with a tap, members in the order 0, 1, 2, … (one round each).
    /// </summary>
    private static (int Lost, int Duplicated, int OutOfOrder) Audit(BenchBot bot, int chats, int membersPerChat)
    {
        using var db = bot.OpenDatabase();
        using var command = db.Query("""
            SELECT b."ChatId", s."UserId", s."Quantity"
            FROM "SignUps" s JOIN "GroupBuys" b ON b."Id" = s."GroupBuyId"
            WHERE b."ChatId" <= @first AND b."ChatId" > @last AND s."Status" <> 'Withdrawn'
            ORDER BY b."ChatId", s."QueuedAt", s."Id"
            """, ("first", ChatId(0)), ("last", ChatId(chats)));
        var stored = new Dictionary<long, List<(long User, int Quantity)>>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var chat = reader.GetInt64(0);
                if (!stored.TryGetValue(chat, out var rows)) stored[chat] = rows = [];
                rows.Add((reader.GetInt64(1), reader.Int(2)));
            }
        }

        int lost = 0, duplicated = 0, outOfOrder = 0;
        for (var i = 0; i < chats; i++)
        {
            var rows = stored.GetValueOrDefault(ChatId(i)) ?? [];
            var expected = Enumerable.Range(0, membersPerChat).Select(m => (User: MemberId(i, m), Quantity: m % 5 == 4 ? 2 : 1)).ToList();
            lost += expected.Count(e => !rows.Any(r => r.User == e.User));
            duplicated += rows.Count - rows.Select(r => r.User).Distinct().Count();
            duplicated += rows.Count(r => expected.Any(e => e.User == r.User && r.Quantity > e.Quantity));
            if (!rows.Select(r => r.User).Distinct().SequenceEqual(expected.Select(e => e.User).Where(u => rows.Any(r => r.User == u)))) outOfOrder++;
        }

        return (lost, duplicated, outOfOrder);
    }

    private static async Task<int[]> OpenBuys(BenchBot bot, int chats, Func<int, long> chatId, Func<int, long> firstMember, int members)
    {
        var telegram = bot.Telegram;
        for (var i = 0; i < chats; i++)
        {
            bot.CreateGroup(chatId(i));
            for (var m = 0; m < members; m++) telegram.UpsertUser(new EmulatedUser(firstMember(i) + m, $"Member {i}-{m}"));
        }

        for (var i = 0; i < chats; i++) telegram.PostMessage(chatId(i), BenchBot.AdminId, $"/newbuy Bench item {i} | 10 | 5 | 2d");
        var lists = new int[chats];
        for (var i = 0; i < chats; i++) lists[i] = (await bot.WaitForList(chatId(i), TimeSpan.FromSeconds(180))).MessageId;
        await telegram.WaitUntilIdle(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
        return lists;
    }

    private static (int Updates, int SignUps) Post(
        BenchBot bot, Confirmations confirmations, int chats, int membersPerChat, int chatterPerMember, IReadOnlyList<string> chatter,
        Func<int, long> chatId, Func<int, int, long> memberId, int[] lists)
    {
        var telegram = bot.Telegram;
        int updates = 0, signUps = 0;
        for (var m = 0; m < membersPerChat; m++)
        {
            for (var i = 0; i < chats; i++)
            {
                var member = memberId(i, m);
                for (var c = 0; c < chatterPerMember; c++)
                {
                    telegram.PostMessage(chatId(i), member, chatter[(int)((member + c) % chatter.Count)]);
                    updates++;
                }

                if (m % 5 == 4) confirmations.Add(telegram.PostMessage(chatId(i), member, "/join 2"));
                else confirmations.Add(telegram.TapButton(chatId(i), lists[i], member, buttonText: "Join"));
                updates++;
                signUps++;
            }
        }

        return (updates, signUps);
    }
}
