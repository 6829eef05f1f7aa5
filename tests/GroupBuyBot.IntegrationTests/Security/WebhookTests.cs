using System.Net;
using System.Net.Sockets;
using System.Text;
using GroupBuyBot.IntegrationTests.Telegram;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Security;

/// <summary>Webhook mode: only Telegram's secret-token header gets an update handled, and a redelivery is applied once.</summary>
public class WebhookTests
{
    internal const string Secret = "webhook-secret-0123456789";

    [Fact]
    public async Task Updates_are_handled_only_with_the_right_secret_token_and_once()
    {
        var port = FreePort();
        await using var bot = await BotHarness.Start(settings: Settings(port));
        await WaitFor(() => bot.Telegram.Webhook is not null);
        Assert.Equal(new("https://bot.example.org/telegram/webhook", Secret), bot.Telegram.Webhook);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var update = NewBuyUpdate(updateId: 900_001, messageId: 1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(http, update, secret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(http, update, secret: "wrong-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(http, update, secret: Secret + "x")).StatusCode);
        await Task.Delay(500);
        Assert.DoesNotContain(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot);

        Assert.Equal(HttpStatusCode.OK, (await Post(http, update, Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(http, update, Secret)).StatusCode); // Telegram redelivers
        await bot.List(1);
        await Task.Delay(500);
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.Text?.StartsWith("🛒", StringComparison.Ordinal) == true);
        Assert.Equal(0, bot.Telegram.PendingUpdateCount); // nothing was polled
        Assert.Empty(bot.Telegram.GetApiCalls("getUpdates"));
    }

    /// <summary>The bot in webhook mode, listening on <paramref name="port"/>, with <paramref name="also"/> besides.</summary>
    internal static Dictionary<string, string?> Settings(int port, params KeyValuePair<string, string?>[] also)
    {
        var settings = new Dictionary<string, string?>(also)
        {
            ["GroupBuyBot:Telegram:Webhook:Enabled"] = "true",
            ["GroupBuyBot:Telegram:Webhook:Url"] = "https://bot.example.org/telegram/webhook",
            ["GroupBuyBot:Telegram:Webhook:SecretToken"] = Secret,
            ["GroupBuyBot:Telegram:Webhook:ListenPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return settings;
    }

    internal static async Task<HttpResponseMessage> Post(HttpClient http, string update, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return await http.SendAsync(request);
    }

    internal static string NewBuyUpdate(long updateId, int messageId)
    {
        const string text = "/newbuy Oranges | 60 | 5 | 2d";
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $$$"""
            {"update_id":{{{updateId}}},"message":{"message_id":{{{messageId}}},"date":{{{date}}},
             "chat":{"id":{{{GroupId}}},"type":"supergroup","title":"Sunny Garden parents"},
             "from":{"id":{{{Alice.Id}}},"is_bot":false,"first_name":"Alice","username":"alice"},
             "text":"{{{text}}}","entities":[{"type":"bot_command","offset":0,"length":7}]}}
            """;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task WaitFor(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("the bot did not register its webhook");
            await Task.Delay(50);
        }
    }
}
