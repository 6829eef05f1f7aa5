using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Model;
using GroupBuyBot.Core.Discovery.Windows;
using GroupBuyBot.Core.Evaluation;
using GroupBuyBot.Core.Tests.Evaluation;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace GroupBuyBot.Core.Tests.Discovery;

public class WindowEconomyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task On_the_dev_conversations_the_pre_filter_and_batching_send_few_windows_and_miss_no_need()
    {
        var cases = await EvaluationCorpus.ReadNeedsAsync(DevCorpus.File("needs-dev.jsonl"), CancellationToken.None);
        var options = new DiscoveryOptions();
        int messages = 0, sent = 0, triggered = 0, withNeeds = 0, needsCaught = 0;
        foreach (var c in cases)
        {
            var window = new ConversationWindow(options);
            var start = c.Messages[0].At;
            var caught = false;
            void Flush(long nowMs)
            {
                if (!window.IsDue(nowMs)) return;
                triggered++;
                var taken = window.TakeForExtraction();
                if (!WindowGate.IsWorthSending(taken)) return;
                sent++;
                caught |= EmbeddedNeedExtractor.Extract(taken).Count > 0;
            }

            foreach (var m in c.Messages)
            {
                var nowMs = (long)(m.At - start).TotalMilliseconds;
                Flush(nowMs);
                window.Add(m, nowMs);
                messages++;
            }

            Flush(long.MaxValue / 2); // the chat went quiet
            if (c.GoldNeeds.Count > 0)
            {
                withNeeds++;
                needsCaught += caught ? 1 : 0;
            }
        }

        output.WriteLine($"{messages} messages, {cases.Count} conversations: {triggered} windows triggered, {sent} sent after the gate; naive = {messages} calls");
        output.WriteLine($"model calls per 1,000 messages: {1000.0 * sent / messages:F1} (naive 1000); conversations with needs still read with a need: {needsCaught}/{withNeeds}");
        Assert.True(sent * 3 < messages, $"{sent} windows for {messages} messages");
        Assert.Equal(withNeeds, needsCaught);
    }

    [Fact]
    public void Budgets_limit_calls_per_chat_per_hour_and_tokens_per_day()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var budget = new LlmBudget(new LlmBudgetOptions { CallsPerHourPerChat = 2, CallsPerHourGlobal = 3, TokensPerDayGlobal = 1000 }, time);

        Assert.Null(budget.TryReserveCall(1));
        Assert.Null(budget.TryReserveCall(1));
        Assert.Equal("chat calls per hour", budget.TryReserveCall(1));
        Assert.Null(budget.TryReserveCall(2));
        Assert.Equal("global calls per hour", budget.TryReserveCall(3));

        time.Advance(TimeSpan.FromMinutes(61));
        Assert.Null(budget.TryReserveCall(1));
        budget.RecordTokens(1, 1000);
        Assert.Equal("global tokens per day", budget.TryReserveCall(2));
        time.Advance(TimeSpan.FromDays(1));
        Assert.Null(budget.TryReserveCall(2));
    }
}
