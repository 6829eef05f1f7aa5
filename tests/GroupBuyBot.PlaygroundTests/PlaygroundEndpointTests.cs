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
        Assert.Equal("administrator", chat.GetProperty("members").GetProperty(PlaygroundGroup.Alice.Id.ToString()).GetString());
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
    public async Task The_need_board_says_it_is_not_wired_until_discovery_registers_a_view()
    {
        await using var playground = await RunningPlayground.Start();
        using var http = new HttpClient { BaseAddress = playground.BaseUrl };

        var board = await http.GetFromJsonAsync<JsonElement>("/playground/needs");
        Assert.False(board.GetProperty("available").GetBoolean());
        Assert.Equal(0, board.GetProperty("needs").GetArrayLength());
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
