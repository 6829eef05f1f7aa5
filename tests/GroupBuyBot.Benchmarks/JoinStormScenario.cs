using System.Diagnostics;
using GroupBuyBot.BotApiEmulator.Models;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// 1,000 members tap Join within a second on a buy with capacity 100. Counted in the database and checked on the
/// list members see: active, waitlisted, lost (a tap with no sign-up) and duplicated (a sign-up applied twice).
/// </summary>
public static class JoinStormScenario
{
    /// <param name="AnsweredSeconds">From the first tap to the last answerCallbackQuery in the emulator's call log.</param>
    public sealed record Result(int Taps, double TapSeconds, double HandledSeconds, double AnsweredSeconds, int Active, int Waitlisted, int Lost, int Duplicated, bool ListShowsIt);

    public static async Task<Result> Run(BenchBot bot, int members, int capacity)
    {
        const long chat = -3_000_000;
        var telegram = bot.Telegram;
        bot.CreateGroup(chat);
        telegram.PostMessage(chat, BenchBot.AdminId, $"/newbuy Storm | 10 | {capacity / 2} | 2d | {capacity}");
        var list = await bot.WaitForList(chat, TimeSpan.FromSeconds(30));
        await telegram.WaitUntilIdle(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        for (var i = 0; i < members; i++) telegram.UpsertUser(new EmulatedUser(30_000_000L + i, $"Stormer {i}"));

        var firstTapAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.StartNew();
        var taps = new List<TappedButton>(members);
        for (var i = 0; i < members; i++) taps.Add(telegram.TapButton(chat, list.MessageId, 30_000_000L + i, buttonText: "Join"));
        var tapSeconds = started.Elapsed.TotalSeconds;

        var confirmations = new Confirmations(telegram);
        foreach (var tap in taps) confirmations.Add(tap);
        await confirmations.WaitAll(TimeSpan.FromMinutes(3), () => bot.HasExited);
        var handledSeconds = started.Elapsed.TotalSeconds;
        var lastAnswer = telegram.GetApiCalls("answerCallbackQuery").Where(c => c.StatusCode == 200 && c.WallClockAt >= firstTapAt)
            .Select(c => c.WallClockAt).DefaultIfEmpty(firstTapAt).Max();
        var expectedTotal = $"Total: {capacity} units from {capacity} members";
        var listShowsIt = true;
        try
        {
            await telegram.WaitForMessage(chat, m => m.MessageId == list.MessageId && m.Text!.Contains(expectedTotal, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            listShowsIt = false;
        }

        using var db = bot.OpenDatabase();
        using var command = db.Query("""
            SELECT s."Status", COUNT(*), COUNT(DISTINCT s."UserId"), SUM(s."Quantity")
            FROM "SignUps" s JOIN "GroupBuys" b ON b."Id" = s."GroupBuyId"
            WHERE b."ChatId" = @chat GROUP BY s."Status"
            """, ("chat", chat));
        int active = 0, waitlisted = 0, rows = 0, users = 0, units = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var (status, count, distinct, quantity) = (reader.GetString(0), reader.Int(1), reader.Int(2), reader.Int(3));
                if (status == "Active") active = count;
                if (status == "Waitlisted") waitlisted = count;
                rows += count;
                users += distinct;
                units += quantity;
            }
        }

        // A tap applied twice shows as a second row (refused by a unique index) or as 2 units on one sign-up.
        var duplicated = (rows - users) + (units - rows);
        var lost = members - users;
        return new Result(members, tapSeconds, handledSeconds, (lastAnswer - firstTapAt).TotalSeconds, active, waitlisted, lost, duplicated, listShowsIt);
    }
}
