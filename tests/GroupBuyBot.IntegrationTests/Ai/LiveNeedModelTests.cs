using System.Text.Json;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Windows;
using GroupBuyBot.TestKit.FakeOpenAi;

namespace GroupBuyBot.IntegrationTests.Ai;

/// <summary>
/// The model is given the chat's live needs (the need board's, whose first messages may be gone from memory) and
/// answers talk that continues one under its label: through the real connector and the fake server, alone and in a
/// shared call, and validated like any answer.
/// </summary>
public class LiveNeedModelTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 10, 14, 0, 0, TimeSpan.FromHours(8));

    // On the board since the morning: raised in message 1 by 101, joined in 2 and 3; none of them is in memory now.
    private static readonly LiveNeed Lychees = new(42, "妃子笑荔枝", [101, 102, 103], [1, 2, 3]);

    // The afternoon: chit-chat, and a late join replying to the morning's message 1.
    private static IReadOnlyList<ChatMessage> Afternoon() =>
    [
        new(20, 105, "阿凯", At, "下午停水到几点?", null),
        new(21, 106, "周阿姨", At.AddMinutes(3), "荔枝还能加吗?算我一箱", 1),
    ];

    private static string Need(string? live, long[] interested, long[] evidence) => JsonSerializer.Serialize(new
    {
        summary = "妃子笑荔枝",
        interested,
        evidence,
        units = (int?)null,
        member_units = Array.Empty<object>(),
        live_need = live,
    });

    [Fact]
    public async Task The_live_needs_go_in_as_data_and_a_join_answered_under_its_label_adds_only_the_new_member()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // The model repeats the board's members and messages beside the new one: no news, no error.
        var (read, _) = await ReadAfternoon(server, $$"""{"needs":[{{Need("n1", [101, 102, 106], [1, 2, 21])}}]}""");

        var need = Assert.Single(Assert.Single(read.Windows).Needs);
        Assert.Equal(42, need.LiveNeedId);
        Assert.Equal([106], need.Interested);
        Assert.Equal([21], need.Evidence);

        var user = Assert.Single(server.Requests).Messages[^1].Content;
        Assert.Contains("""{"live_needs":[{"need":"n1","summary":"妃子笑荔枝","members":[101,102,103],"messages":[1,2,3]}]}""", user);
        Assert.Contains("\"live_need\"", server.Requests[0].ResponseFormatJson); // the schema asks for the label
        Assert.Contains("\"live_need\"", server.Requests[0].Messages[0].Content); // and the rules say what it is
    }

    [Fact]
    public async Task A_label_that_names_no_live_need_and_a_new_need_of_one_member_are_dropped()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var (read, model) = await ReadAfternoon(server, $$"""{"needs":[{{Need("n7", [106], [21])}},{{Need(null, [106], [21])}}]}""");

        Assert.Empty(Assert.Single(read.Windows).Needs);
        Assert.Contains(model.Logs.Lines, l => l.Contains("live need n7 was not given", StringComparison.Ordinal));
        Assert.Contains(model.Logs.Lines, l => l.Contains("fewer than two members", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_live_needs_the_data_has_no_live_line()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeAnswer.Json("""{"needs":[]}"""));
        var model = new ModelPath(server);

        await model.Discovery.Read([new DueWindow(-1001, true, Afternoon())], CancellationToken.None);

        Assert.DoesNotContain("live_needs", Assert.Single(server.Requests).Messages[^1].Content);
    }

    [Fact]
    public async Task In_a_shared_call_the_live_needs_messages_are_numbered_so_the_late_reply_points_at_them_and_the_answer_maps_back()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        long? replyTo = null;
        server.Responder = request =>
        {
            // A careful reader: the late join replies to a message of the live need; it answers under that need's label.
            var lines = Lines(request);
            var live = lines.Single(l => l.TryGetProperty("live_needs", out _));
            var chat = live.GetProperty("chat").GetString()!;
            var liveMessages = live.GetProperty("live_needs")[0].GetProperty("messages").EnumerateArray().Select(e => e.GetInt64()).ToList();
            var join = lines.Single(l => l.TryGetProperty("text", out var t) && t.GetString()!.Contains("算我一箱", StringComparison.Ordinal));
            replyTo = join.GetProperty("reply_to").GetInt64();
            var from = join.GetProperty("from").GetInt64();
            var id = join.GetProperty("id").GetInt64();
            return FakeAnswer.Json($$"""{"chats":[{"chat":"{{chat}}","needs":[{{Need("n1", [from], [liveMessages[0], id])}}]}]}""");
        };
        var model = new ModelPath(server);
        var lobby = new DueWindow(-2002, true, [new ChatMessage(1, 301, "Anna", At, "Good morning all", null), new ChatMessage(2, 302, "Ben", At.AddMinutes(1), "Morning!", 1)]);

        var read = await model.Discovery.Read([lobby, new DueWindow(-1001, true, Afternoon()) { Live = [Lychees] }], CancellationToken.None);

        Assert.Equal(1, read.ModelCalls);
        Assert.NotNull(replyTo); // "reply_to" of the late join is the call's number of message 1, not null
        var need = Assert.Single(read.Windows.Single(w => w.Window.ChatId == -1001).Needs);
        Assert.Equal(42, need.LiveNeedId);
        Assert.Equal([106], need.Interested);
        Assert.Equal([21], need.Evidence);
        Assert.Empty(read.Windows.Single(w => w.Window.ChatId == -2002).Needs);
    }

    // The afternoon window read alone, with the lychees as its chat's live need, the model answering as scripted.
    private static async Task<(NeedReadings Read, ModelPath Model)> ReadAfternoon(FakeOpenAiServer server, string answer)
    {
        server.Enqueue(FakeAnswer.Json(answer));
        var model = new ModelPath(server);
        return (await model.Discovery.Read([new DueWindow(-1001, true, Afternoon()) { Live = [Lychees] }], CancellationToken.None), model);
    }

    private static List<JsonElement> Lines(FakeRequest request)
    {
        var user = request.Messages[^1].Content;
        var start = user.IndexOf("=== CHATS START ===", StringComparison.Ordinal) + "=== CHATS START ===".Length;
        var data = user[start..user.IndexOf("=== CHATS END ===", StringComparison.Ordinal)];
        return [.. data.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }
}
