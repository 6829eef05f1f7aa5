using System.Diagnostics;
using System.Net.Http.Json;
using GroupBuyBot.Playground;
using static GroupBuyBot.Playground.PlaygroundGroup;

namespace GroupBuyBot.PlaygroundTests;

/// <summary>The page's fast-forward reaches deadlines: the real scheduler (Quartz) closes the buy within seconds.</summary>
public class PlaygroundDeadlineTests
{
    [Fact]
    public async Task Fast_forwarding_past_a_deadline_closes_the_buy_within_seconds()
    {
        await using var playground = await RunningPlayground.Start();
        using var http = new HttpClient { BaseAddress = playground.BaseUrl };
        var telegram = playground.App.Telegram;
        telegram.PostMessage(ChatId, Alice.Id, "/newbuy Rice | 40 | 1 | 1h");
        await telegram.WaitForMessage(ChatId, m => m.IsFromBot && m.Text?.StartsWith("🛒", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(10));
        var join = telegram.PostMessage(ChatId, Bob.Id, "/join 1");
        await telegram.WaitForMessage(ChatId, m => m.IsFromBot && m.ReplyToMessageId == join.MessageId, TimeSpan.FromSeconds(10));
        await Task.Delay(500); // the scheduler is now asleep until its next check, far from the deadline in real time

        var clock = Stopwatch.StartNew();
        (await http.PostAsJsonAsync("/driver/time/advance", new { seconds = 2 * 3600 })).EnsureSuccessStatusCode();

        var closed = await telegram.WaitForMessage(ChatId, m => m.IsFromBot && m.Text?.Contains("is closed and formed", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"closed {clock.Elapsed.TotalSeconds:0.0} s after the fast-forward");
        Assert.Contains("Bob", closed.Text);
    }
}
