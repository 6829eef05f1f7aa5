using System.Diagnostics;
using GroupBuyBot.BotApiEmulator.Models;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// Sends fail at random while members sign up: each send (message, edit, document, callback answer) fails with a 5xx,
/// times out (the emulator stalls longer than the bot waits, and the call is not applied) or answers 429, with the
/// given rates. Every member types <c>/join</c> once; after letting the bot retry, a command with no reply is a lost
/// confirmation. The sign-ups themselves are counted in the database: each exactly once.
/// </summary>
public static class SoakScenario
{
    public sealed record Result(int Chats, int Joins, double Seconds, int Lost, int Duplicated, int SignUps, RandomFaultCounts Faults);

    public static long ChatId(int index) => -5_000_000 - index;

    public static async Task<Result> Run(BenchBot bot, int chats, int membersPerChat, RandomFaults faults, TimeSpan patience)
    {
        var telegram = bot.Telegram;
        for (var i = 0; i < chats; i++)
        {
            bot.CreateGroup(ChatId(i));
            telegram.PostMessage(ChatId(i), BenchBot.AdminId, $"/newbuy Soak item {i} | 10 | 5 | 2d");
        }

        for (var i = 0; i < chats; i++) await bot.WaitForList(ChatId(i), TimeSpan.FromSeconds(120));
        await telegram.WaitUntilIdle(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));

        telegram.SetRandomFaults(faults);
        var confirmations = new Confirmations(telegram);
        var started = Stopwatch.StartNew();
        for (var m = 0; m < membersPerChat; m++)
        {
            for (var i = 0; i < chats; i++)
            {
                var member = 40_000_000L + (i * 1000L) + m;
                telegram.UpsertUser(new EmulatedUser(member, $"Soaker {i}-{m}"));
                confirmations.Add(telegram.PostMessage(ChatId(i), member, "/join"));
            }
        }

        await confirmations.WaitAll(patience, () => bot.HasExited);
        var seconds = started.Elapsed.TotalSeconds;
        var counts = telegram.GetRandomFaults().Counts;
        telegram.SetRandomFaults(null);

        using var db = bot.OpenDatabase();
        using var command = db.Query("""SELECT COUNT(*) FROM "SignUps" s JOIN "GroupBuys" b ON b."Id" = s."GroupBuyId" WHERE b."ChatId" <= @first AND b."ChatId" > @last""",
            ("first", ChatId(0)), ("last", ChatId(chats)));
        var signUps = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var lost in confirmations.UnansweredCommandList().Take(5)) Explain(bot, db, lost);
        return new Result(chats, confirmations.Commands, seconds, confirmations.UnansweredCommands(), confirmations.CommandsAnsweredTwice(), signUps, counts);
    }

    /// <summary>What is known about a /join left without its reply: the chat's outbox rows, its calls, the bot's log about it.</summary>
    private static void Explain(BenchBot bot, System.Data.Common.DbConnection db, PostedMessage lost)
    {
        var chat = lost.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"Soak: no reply to /join message {lost.MessageId} (update {lost.UpdateId}) in chat {chat}");
        using var outbox = db.Query("SELECT \"Id\", \"Kind\", \"ReplyTo\", \"Attempts\", \"NextAttemptAt\" FROM \"Outbox\" WHERE \"ChatId\" = @chat ORDER BY \"Id\"",
            ("chat", lost.ChatId));
        using (var reader = outbox.ExecuteReader())
        {
            while (reader.Read())
            {
                Console.WriteLine($"  outbox row {reader.GetValue(0)}: kind {reader.GetValue(1)}, reply to {reader.GetValue(2)}, attempts {reader.GetValue(3)}, next {reader.GetValue(4)}");
            }
        }

        using var inbox = db.Query("""SELECT COUNT(*) FROM "Inbox" WHERE "UpdateId" = @update""", ("update", (long)lost.UpdateId));
        Console.WriteLine($"  update still in the inbox: {Convert.ToInt32(inbox.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0}");
        foreach (var call in bot.Telegram.GetApiCalls().Where(c => c.ChatId == chat).TakeLast(12))
        {
            Console.WriteLine($"  {call.WallClockAt:HH:mm:ss.fff} {call.Method} {call.StatusCode} {call.ErrorDescription}");
        }

        foreach (var line in bot.LogLines(chat).TakeLast(6)) Console.WriteLine("  bot: " + line);
    }
}
