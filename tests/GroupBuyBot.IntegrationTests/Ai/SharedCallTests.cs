using System.Text.Json;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Windows;
using GroupBuyBot.Infrastructure.Ai;
using GroupBuyBot.TestKit.FakeOpenAi;

namespace GroupBuyBot.IntegrationTests.Ai;

/// <summary>
/// Several chats' windows read in one model call (<see cref="SemanticKernelNeedExtractor.TogetherFunction"/>), through
/// the real connector and the fake server: answers go back to the chat they name, and nothing of one chat can become a
/// need of another, even when both chats use the same message ids.
/// </summary>
public class SharedCallTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    // Chit-chat in another chat, with the same message ids as the pottery window (Telegram numbers messages per chat).
    private static IReadOnlyList<ChatMessage> LobbyWindow() =>
    [
        new(1, 301, "Anna", At, "Good morning all", null),
        new(2, 302, "Ben", At.AddMinutes(1), "The lift is working again", null),
        new(3, 301, "Anna", At.AddMinutes(2), "Thanks!", 2),
    ];

    [Fact]
    public async Task Two_chats_share_one_call_and_each_need_goes_back_to_its_own_chat()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // A careful reader: the pottery need in the chat that talked about it; nothing in the lobby.
        server.Responder = request =>
        {
            var chats = Chats(request);
            var pottery = chats.Single(c => c.Value.Texts.Any(t => t.Contains("pottery", StringComparison.Ordinal)));
            var members = pottery.Value.MessagesBy.Where(m => m.Value.Count > 0).Take(3).ToList();
            return FakeAnswer.Json(JsonSerializer.Serialize(new
            {
                chats = new[]
                {
                    new { chat = pottery.Key, needs = new[] { Need("pottery class for kids", members.Select(m => m.Key), members.SelectMany(m => m.Value)) } },
                },
            }));
        };
        var model = new ModelPath(server);
        var pottery = new DueWindow(-1001, true, ModelPath.PotteryWindow());
        var lobby = new DueWindow(-2002, true, LobbyWindow());

        var read = await model.Discovery.Read([lobby, pottery], CancellationToken.None);

        Assert.Equal(1, read.ModelCalls);
        var request = Assert.Single(server.Requests);
        Assert.Contains("=== CHATS START ===", request.Messages[^1].Content);
        Assert.DoesNotContain("\"from\":101", request.Messages[^1].Content); // the call's own numbers, not the members' ids
        Assert.All(read.Windows, w => Assert.Equal(WindowReader.Model, w.ReadBy));
        Assert.Empty(read.Windows.Single(w => w.Window.ChatId == -2002).Needs);
        var need = Assert.Single(read.Windows.Single(w => w.Window.ChatId == -1001).Needs);
        Assert.Equal([101, 102, 103], need.Interested.Order());
        Assert.Equal([1, 2, 3], need.Evidence);
    }

    [Fact]
    public async Task An_answer_that_puts_one_chats_members_or_messages_into_another_chats_need_is_dropped()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // A confused (or manipulated) reader: the pottery talk reported as a need of the lobby, once with the pottery
        // chat's numbers, once mixing the lobby's members with the pottery chat's messages.
        server.Responder = request =>
        {
            var chats = Chats(request);
            var (potteryLabel, potteryChat) = chats.Single(c => c.Value.Texts.Any(t => t.Contains("pottery", StringComparison.Ordinal)));
            var (lobbyLabel, lobbyChat) = chats.Single(c => c.Key != potteryLabel);
            var potteryMembers = potteryChat.MessagesBy.Where(m => m.Value.Count > 0).Take(3).ToList();
            var potteryMessages = potteryMembers.SelectMany(m => m.Value).ToList();
            return FakeAnswer.Json(JsonSerializer.Serialize(new
            {
                chats = new[]
                {
                    new
                    {
                        chat = lobbyLabel,
                        needs = new[]
                        {
                            Need("pottery class", potteryMembers.Select(m => m.Key), potteryMessages),
                            Need("pottery class", lobbyChat.MessagesBy.Keys, potteryMessages),
                        },
                    },
                    new { chat = "c9", needs = new[] { Need("pottery class", potteryMembers.Select(m => m.Key), potteryMessages) } },
                },
            }));
        };
        var model = new ModelPath(server);

        var read = await model.Discovery.Read([new DueWindow(-2002, true, LobbyWindow()), new DueWindow(-1001, true, ModelPath.PotteryWindow())], CancellationToken.None);

        Assert.All(read.Windows, w => Assert.Empty(w.Needs));
        Assert.Equal(2, model.Logs.Lines.Count(l => l.Contains("names members or messages outside that chat", StringComparison.Ordinal)));
        Assert.Contains(model.Logs.Lines, l => l.Contains("a chat that was not asked about (c9)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_shared_call_fails_every_window_in_it_is_read_by_the_fallback()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeAnswer.Error(500);
        var model = new ModelPath(server, maxRetries: 0);

        var read = await model.Discovery.Read([new DueWindow(-2002, true, LobbyWindow()), new DueWindow(-1001, true, ModelPath.PotteryWindow())], CancellationToken.None);

        Assert.Equal(1, read.ModelCalls);
        Assert.All(read.Windows, w => Assert.Equal(WindowReader.Fallback, w.ReadBy));
        Assert.Equal(["-1001"], read.Windows.Where(w => w.Needs.Count > 0).Select(w => w.Window.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_shared_call_prompt_has_every_rule_of_the_single_chat_prompt()
    {
        string Prompt(string function) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "prompts", "Discovery", function, "skprompt.txt"));
        var rules = Prompt(SemanticKernelNeedExtractor.Function).Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Contains(rule, Prompt(SemanticKernelNeedExtractor.TogetherFunction)));
    }

    private static object Need(string summary, IEnumerable<long> interested, IEnumerable<long> evidence) =>
        new { summary, interested = interested.ToArray(), evidence = evidence.ToArray(), units = (int?)null, member_units = Array.Empty<object>() };

    private sealed record ChatData(List<string> Texts, Dictionary<long, List<long>> MessagesBy);

    // The data lines of a shared call, by chat label: each member's message numbers and the texts.
    private static Dictionary<string, ChatData> Chats(FakeRequest request)
    {
        var user = request.Messages[^1].Content;
        var data = user[(user.IndexOf("=== CHATS START ===", StringComparison.Ordinal) + 19)..user.IndexOf("=== CHATS END ===", StringComparison.Ordinal)];
        var chats = new Dictionary<string, ChatData>(StringComparer.Ordinal);
        foreach (var line in data.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var json = JsonDocument.Parse(line).RootElement;
            var label = json.GetProperty("chat").GetString()!;
            if (json.TryGetProperty("members", out var members))
            {
                chats[label] = new ChatData([], members.EnumerateArray().ToDictionary(m => m.GetProperty("id").GetInt64(), _ => new List<long>()));
                continue;
            }

            chats[label].Texts.Add(json.GetProperty("text").GetString()!);
            if (!json.GetProperty("text").GetString()!.Contains("ignore", StringComparison.Ordinal) && !json.GetProperty("text").GetString()!.Contains("admin", StringComparison.Ordinal))
            {
                chats[label].MessagesBy[json.GetProperty("from").GetInt64()].Add(json.GetProperty("id").GetInt64());
            }
        }

        return chats;
    }
}
