using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Evaluation;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Infrastructure.Ai;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.FakeOpenAi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// Replays the eval conversations as chat traffic through the bot's own discovery path: <see cref="DiscoveryReplay"/>
/// drives the host's <see cref="DiscoveryRound"/> (the code the DiscoveryWorker runs, and <c>eval needs</c>) with the
/// bot's default <see cref="DiscoveryOptions"/> for a configured model, on a clock simulated from the messages, and
/// the model is Semantic Kernel's real connector against <see cref="FakeOpenAiServer"/> (which answers "no need" and
/// reports no usage, so the tokens are the gateway's estimate of the real prompts). Model calls are the requests the
/// server received. Traffic: the conversations are dealt round-robin to <see cref="Chats"/> chats, each keeping its own
/// message timing; within a chat they follow each other after <see cref="QuietGapBetweenConversations"/>, and the chats
/// run at the same time (interleaved). Optionally, ordinary chit-chat (<see cref="ChitChat"/>) fills the gaps, since
/// needs are a small share of real group traffic.
/// </summary>
public static class LlmEconomyScenario
{
    public const int Chats = 4;
    public static readonly TimeSpan QuietGapBetweenConversations = TimeSpan.FromMinutes(60);
    public const int ContextMessages = 10;

    // Small talk with no want/join cue, one line every few minutes between conversations.
    private static readonly string[] ChitChat =
    [
        "早上好", "今天好冷啊", "哈哈哈哈", "收到", "谢谢", "快递柜又满了", "电梯在修吗", "晚安各位", "今天下雨记得带伞", "楼下的猫又来了",
        "Good morning all", "Thanks!", "Lovely weather today", "The lift is working again", "See you at the meeting", "lol",
        "Has anyone seen a blue umbrella in the lobby?", "Happy birthday Anna!", "Parcel room closes at 8 today", "Good night",
    ];

    public sealed record Result(int Messages, int CorpusMessages, int Conversations, int WindowsTaken, int WindowsRead, int Calls, long Tokens, long NaiveTokens, int NeedConversations, int NeedConversationsSent)
    {
        public double CallsPer1000 => 1000.0 * Calls / Messages;
        public double TokensPer1000 => 1000.0 * Tokens / Messages;
    }

    /// <param name="chitChatPerConversation">Small-talk messages in the quiet gap before each conversation (0: the corpus only).</param>
    public static async Task<Result> Run(string corpusPath, int chitChatPerConversation)
    {
        var cases = await EvaluationCorpus.ReadNeedsAsync(corpusPath, CancellationToken.None);
        var traffic = Traffic(cases, chitChatPerConversation);

        await using var model = await FakeOpenAiServer.StartAsync();
        model.Responder = request => new FakeAnswer
        {
            Content = request.Messages[^1].Content.Contains("=== CHATS START ===", StringComparison.Ordinal) ? """{"chats":[]}""" : """{"needs":[]}""",
            OmitUsage = true,
        };
        using var data = new TempDirectory();
        using var host = BotHost.CreateBuilder([], new Dictionary<string, string?>
        {
            ["GroupBuyBot:Database:DataDirectory"] = data.Path,
            ["GroupBuyBot:Llm:BaseUrl"] = model.BaseUrl.ToString(),
            ["GroupBuyBot:Llm:Model"] = "fake-model",
            ["GroupBuyBot:Llm:ApiKey"] = "sk-bench",
            // The budgets count real time, and hours of talk replay in seconds: out of the way, so the figure is the policy's.
            ["GroupBuyBot:Llm:CallsPerHourPerChat"] = "100000",
            ["GroupBuyBot:Llm:CallsPerHourGlobal"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync())
        {
            await host.Services.GetRequiredService<DatabaseProvider>().Migrate(db, CancellationToken.None);
        }

        var totals = await DiscoveryReplay.Run(host.Services.GetRequiredService<DiscoveryRound>(), traffic, CancellationToken.None);
        if (totals.ModelCalls != model.Requests.Count) throw new InvalidOperationException($"{totals.ModelCalls} calls counted, {model.Requests.Count} received");

        // Naive: every message goes to the model with the same earlier context, in the single-chat prompt.
        var template = TokenEstimate.Of(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "prompts", "Discovery", "ExtractNeeds", "skprompt.txt")));
        long naiveTokens = 0;
        foreach (var c in cases)
        {
            for (var i = 0; i < c.Messages.Count; i++)
            {
                naiveTokens += template + TokenEstimate.Of(PromptData.Window([.. c.Messages.Skip(Math.Max(0, i - ContextMessages)).Take(Math.Min(i, ContextMessages) + 1)], withNames: true));
            }
        }

        var needConversations = Enumerable.Range(0, cases.Count).Where(i => cases[i].GoldNeeds.Count > 0).ToList();
        var seen = totals.SeenByModel.Where(m => m.MessageId < ChitChatIds).Select(m => (int)(m.MessageId / ConversationIds)).ToHashSet();
        return new Result(traffic.Count, cases.Sum(c => c.Messages.Count), cases.Count, totals.Taken, totals.ReadByModel, totals.ModelCalls, totals.Tokens, naiveTokens,
            needConversations.Count, needConversations.Count(seen.Contains));
    }

    // Message ids are renumbered per conversation (conversation * ConversationIds + original id) so two conversations in
    // one chat cannot collide; chit-chat ids start at ChitChatIds.
    private const long ConversationIds = 1_000_000;
    private const long ChitChatIds = 1_000_000_000;

    private static List<(long Chat, ChatMessage Message)> Traffic(IReadOnlyList<NeedsCase> cases, int chitChatPerConversation)
    {
        var random = new Random(7);
        var traffic = new List<(long, ChatMessage)>();
        var origin = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        var chatClock = Enumerable.Range(0, Chats).Select(k => origin.AddMinutes(7 * k)).ToArray(); // chats start staggered
        long chitChatId = ChitChatIds;
        for (var i = 0; i < cases.Count; i++)
        {
            var chat = i % Chats;
            var gapStart = chatClock[chat];
            var conversationStart = gapStart + QuietGapBetweenConversations;
            for (var f = 0; f < chitChatPerConversation; f++)
            {
                // spread over the gap, a minute apart at least: no burst
                var at = gapStart + TimeSpan.FromMinutes(1 + ((QuietGapBetweenConversations.TotalMinutes - 2) * f / chitChatPerConversation));
                traffic.Add((chat, new ChatMessage(chitChatId++, 9000 + random.Next(30), "member", at, ChitChat[random.Next(ChitChat.Length)], null)));
            }

            var first = cases[i].Messages[0].At;
            foreach (var m in cases[i].Messages)
            {
                traffic.Add((chat, m with
                {
                    Id = (i * ConversationIds) + m.Id,
                    ReplyToId = m.ReplyToId is long parent ? (i * ConversationIds) + parent : null,
                    At = conversationStart + (m.At - first),
                }));
            }

            chatClock[chat] = conversationStart + (cases[i].Messages[^1].At - first);
        }

        return [.. traffic.OrderBy(t => t.Item2.At)];
    }

}
