using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Playground;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuyBot.PlaygroundTests;

/// <summary>The playground's own endpoints and wiring, over HTTP (no browser).</summary>
public class PlaygroundEndpointTests
{
    [Fact]
    public async Task The_page_and_its_assets_are_served_from_the_same_port_as_the_emulator()
    {
        await using var playground = await RunningPlayground.Start();
        using var http = new HttpClient { BaseAddress = playground.BaseUrl };

        var page = await http.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/playground/assets/app.js", await page.Content.ReadAsStringAsync());
        Assert.Contains("/driver/", await http.GetStringAsync("/playground/assets/app.js"));
        Assert.Equal("text/css", (await http.GetAsync("/playground/assets/app.css")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/playground/assets/secrets.json")).StatusCode);

        // The emulator's driver answers on the same origin, with the seeded group.
        var info = await http.GetFromJsonAsync<JsonElement>("/playground/info");
        var groupId = info.GetProperty("group_chat_id").GetInt64();
        var chat = await http.GetFromJsonAsync<JsonElement>($"/driver/chats/{groupId}");
        Assert.Equal("administrator", chat.GetProperty("members").GetProperty(PlaygroundGroup.Alice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetString());
    }

    [Fact]
    public async Task With_a_health_port_the_playground_serves_metrics_that_count_what_members_do()
    {
        var port = GroupBuyBot.TestKit.ClosedPort.Get();
        await using var playground = await RunningPlayground.Start(settings: new Dictionary<string, string?> { ["GroupBuyBot:Health:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var posted = playground.App.Telegram.PostMessage(PlaygroundGroup.ChatId, PlaygroundGroup.Bob.Id, "/help");
        await playground.App.Telegram.WaitForMessage(PlaygroundGroup.ChatId, m => m.IsFromBot && m.ReplyToMessageId == posted.MessageId, TimeSpan.FromSeconds(10));

        var scrape = await Scrape(health);
        for (var tries = 0; scrape.Value("groupbuybot_updates_handled_total") < 1 && tries < 100; tries++)
        {
            await Task.Delay(100); // the count follows the reply by a moment
            scrape = await Scrape(health);
        }

        Assert.Equal(1, scrape.Value("groupbuybot_updates_received_total", ("telegram_update_type", "message")));
        Assert.Equal(1, scrape.Value("groupbuybot_updates_handled_total", ("telegram_update_type", "message"), ("outcome", "ok")));
        Assert.True(scrape.Value("groupbuybot_telegram_requests_total", ("telegram_method", "sendMessage"), ("outcome", "ok")) >= 1, scrape.Text);

        static async Task<GroupBuyBot.TestKit.PrometheusText> Scrape(HttpClient http)
        {
            using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
            return GroupBuyBot.TestKit.PrometheusText.Parse(await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
        }
    }

    [Fact]
    public async Task Fast_forwarding_moves_the_clock_the_bot_and_the_emulator_use()
    {
        await using var playground = await RunningPlayground.Start();
        using var http = new HttpClient { BaseAddress = playground.BaseUrl };
        var botClock = playground.App.Services.GetRequiredService<TimeProvider>();

        var advanced = await http.PostAsJsonAsync("/driver/time/advance", new { seconds = 86400 });
        advanced.EnsureSuccessStatusCode();

        Assert.InRange(botClock.GetUtcNow() - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
        var clock = await http.GetFromJsonAsync<JsonElement>("/playground/clock");
        Assert.Equal(86400, clock.GetProperty("ahead_seconds").GetInt64());
        var posted = playground.App.Telegram.PostMessage(PlaygroundGroup.ChatId, PlaygroundGroup.Bob.Id, "hello tomorrow");
        var message = playground.App.Telegram.GetMessage(PlaygroundGroup.ChatId, posted.MessageId)!;
        Assert.InRange(message.Date - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
    }

    [Fact]
    public async Task A_conversation_about_a_shared_need_shows_up_on_the_need_board_with_who_and_why()
    {
        await using var playground = await RunningPlayground.Start();
        using var http = new HttpClient { BaseAddress = playground.BaseUrl };
        var empty = await http.GetFromJsonAsync<JsonElement>("/playground/needs");
        Assert.True(empty.GetProperty("available").GetBoolean());
        Assert.Equal(0, empty.GetProperty("needs").GetArrayLength());

        var ask = await Say(http, PlaygroundGroup.Bob.Id, "Anyone want to book a deep clean for our air conditioners? Ours is filthy");
        await Say(http, PlaygroundGroup.Carol.Id, "Count me in, ours is dusty too", ask);
        await Say(http, PlaygroundGroup.Dave.Id, "+1 for us", ask);

        var need = await FirstNeed(http);
        Assert.Contains("air conditioner", need.GetProperty("summary").GetString());
        Assert.Equal(["Bob", "Carol", "Dave"], need.GetProperty("interested").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Order());
        var evidence = need.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Contains(evidence, e => e.GetProperty("message_id").GetInt64() == ask && e.GetProperty("text").GetString()!.StartsWith("Anyone want to book", StringComparison.Ordinal));
        Assert.Contains(evidence, e => e.GetProperty("from_user_id").GetInt64() == PlaygroundGroup.Dave.Id && e.GetProperty("text").GetString() == "+1 for us");
        Assert.Equal("suggested", need.GetProperty("status").GetString()); // three members: the bot suggested a buy
    }

    private static async Task<long> Say(HttpClient http, long from, string text, long? replyTo = null)
    {
        var posted = await http.PostAsJsonAsync($"/driver/chats/{PlaygroundGroup.ChatId}/messages", new { from_user_id = from, text, reply_to_message_id = replyTo });
        posted.EnsureSuccessStatusCode();
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message_id").GetInt64();
    }

    /// <summary>Polls the board as the page does, until the worker has read the conversation.</summary>
    private static async Task<JsonElement> FirstNeed(HttpClient http)
    {
        for (var until = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < until; await Task.Delay(200))
        {
            var board = await http.GetFromJsonAsync<JsonElement>("/playground/needs");
            if (board.GetProperty("needs").GetArrayLength() > 0) return board.GetProperty("needs")[0];
        }

        throw new TimeoutException("Nothing appeared on the need board.");
    }

    [Fact]
    public async Task The_need_board_shows_what_a_registered_view_reports_for_the_chat()
    {
        var view = new FixedNeedBoardView();
        await using var playground = await RunningPlayground.Start(configureServices: services => services.AddSingleton<INeedBoardView>(view));
        using var http = new HttpClient { BaseAddress = playground.BaseUrl };

        var board = await http.GetFromJsonAsync<JsonElement>("/playground/needs?chatId=-1001");

        Assert.True(board.GetProperty("available").GetBoolean());
        Assert.Equal(-1001, view.AskedFor);
        var need = board.GetProperty("needs")[0];
        Assert.Equal("navel oranges", need.GetProperty("summary").GetString());
        Assert.Equal("suggested", need.GetProperty("status").GetString());
        Assert.Equal("Bob", need.GetProperty("interested")[0].GetProperty("name").GetString());
        Assert.Equal("anyone want oranges?", need.GetProperty("evidence")[0].GetProperty("text").GetString());
    }

    private sealed class FixedNeedBoardView : INeedBoardView
    {
        public long? AskedFor { get; private set; }

        public bool IsAvailable => true;

        public Task<IReadOnlyList<NeedBoardEntry>> GetNeedsAsync(long chatId, CancellationToken ct)
        {
            AskedFor = chatId;
            return Task.FromResult<IReadOnlyList<NeedBoardEntry>>(
            [
                new("navel oranges", [new(2, "Bob")], [new(1, 2, "anyone want oranges?")], NeedBoardStatus.Suggested, DateTimeOffset.UnixEpoch),
            ]);
        }
    }
}
