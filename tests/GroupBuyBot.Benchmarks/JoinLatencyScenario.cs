using System.Diagnostics;
using System.Globalization;
using GroupBuyBot.BotApiEmulator.Models;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// One Join tap at a time, each on a different chat's list (so the list-edit interval never holds it back):
/// the time from the getUpdates answer that served the tap to the editMessageText of that chat's list, both from
/// the emulator's call log; and to the tap's answer (answerCallbackQuery), as the emulator recorded it.
/// </summary>
public static class JoinLatencyScenario
{
    public sealed record Result(int Taps, double P50Ms, double P99Ms, double MaxMs, double AnswerP50Ms, double AnswerP99Ms);

    public static async Task<Result> Run(BenchBot bot, int taps, Func<int, long> chatId, Func<int, int> listMessageId)
    {
        var telegram = bot.Telegram;
        var samples = new List<(long ChatId, DateTimeOffset TappedAt, string CallbackId)>();
        for (var i = 0; i < taps; i++)
        {
            var chat = chatId(i);
            var listId = listMessageId(i);
            var user = 20_000_000L + i;
            telegram.UpsertUser(new EmulatedUser(user, $"Latecomer {i}"));
            var editsBefore = telegram.GetMessage(chat, listId)!.EditCount;
            var tappedAt = DateTimeOffset.UtcNow;
            var tap = telegram.TapButton(chat, listId, user, buttonText: "Join");
            var waited = Stopwatch.StartNew();
            while (telegram.GetMessage(chat, listId)!.EditCount == editsBefore || telegram.GetCallbackAnswer(tap.CallbackQueryId) is not { Answered: true })
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException($"The list of chat {chat} was never edited, or the tap never answered.");
                await Task.Delay(1);
            }

            samples.Add((chat, tappedAt, tap.CallbackQueryId));
        }

        var calls = telegram.GetApiCalls();
        var polls = calls.Where(c => c.Method == "getUpdates").Select(c => c.WallClockAt).ToList();
        var latencies = new List<double>();
        var answers = new List<double>();
        foreach (var (chat, tappedAt, callbackId) in samples)
        {
            var chatText = chat.ToString(CultureInfo.InvariantCulture);
            var served = polls.First(at => at >= tappedAt);
            var edited = calls.First(c => c.Method == "editMessageText" && c.ChatId == chatText && c.WallClockAt >= tappedAt).WallClockAt;
            latencies.Add((edited - served).TotalMilliseconds);
            answers.Add((telegram.GetCallbackAnswer(callbackId)!.AnsweredAt!.Value - served).TotalMilliseconds);
        }

        latencies.Sort();
        answers.Sort();
        return new Result(taps, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1], Percentile(answers, 0.50), Percentile(answers, 0.99));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
