using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Windows;
using GroupBuyBot.Core.Evaluation;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// Replays the eval conversations as chat traffic through the bot's own discovery path — <see cref="ConversationWindows"/>
/// with the default <see cref="DiscoveryOptions"/> (batching, retention) and <see cref="WindowGate"/>, on a simulated clock
/// taken from the messages — and counts the windows that would go to the model. The DiscoveryWorker does exactly this
/// (add, take the due windows, gate) on the wall clock; here the clock is simulated so hours of talk replay in milliseconds.
/// Traffic: the conversations are dealt round-robin to <see cref="Chats"/> chats, each keeping its own message timing;
/// within a chat they follow each other after <see cref="QuietGapBetweenConversations"/>, and the chats run at the same time
/// (interleaved). Optionally, ordinary chit-chat (<see cref="ChitChat"/>) fills the gaps, since needs are a small share of
/// real group traffic.
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

    public sealed record Result(int Messages, int CorpusMessages, int Conversations, int WindowsTaken, int Calls, long Tokens, long NaiveTokens, int NeedConversations, int NeedConversationsSent)
    {
        public double CallsPer1000 => 1000.0 * Calls / Messages;
        public double TokensPer1000 => 1000.0 * Tokens / Messages;
    }

    /// <param name="chitChatPerConversation">Small-talk messages in the quiet gap before each conversation (0: the corpus only).</param>
    public static async Task<Result> Run(string corpusPath, int chitChatPerConversation)
    {
        var cases = await EvaluationCorpus.ReadNeedsAsync(corpusPath, CancellationToken.None);
        var traffic = Traffic(cases, chitChatPerConversation);

        var options = new DiscoveryOptions(); // the bot's defaults
        var windows = new ConversationWindows(options);
        var start = traffic[0].Message.At;
        int taken = 0, calls = 0;
        long tokens = 0;
        var conversationsSent = new HashSet<int>();
        var lastPrune = start;
        void TakeDue(DateTimeOffset now)
        {
            foreach (var (_, window) in windows.TakeDue((long)(now - start).TotalMilliseconds))
            {
                taken++;
                if (!WindowGate.IsWorthSending(window)) continue;
                calls++;
                tokens += PromptTokens(window);
                foreach (var m in window) if (m.Id < ChitChatIds) conversationsSent.Add((int)(m.Id / ConversationIds));
            }
        }

        foreach (var (chat, message) in traffic)
        {
            TakeDue(message.At); // the worker's 100 ms tick, as of this message
            if (message.At - lastPrune >= TimeSpan.FromMinutes(1))
            {
                windows.Prune(message.At); // the worker's maintenance: raw text retention
                lastPrune = message.At;
            }

            windows.Add(chat, message, (long)(message.At - start).TotalMilliseconds);
        }

        TakeDue(traffic[^1].Message.At + TimeSpan.FromDays(1)); // every chat falls quiet

        // Naive: every message goes to the model with the same earlier context.
        long naiveTokens = 0;
        foreach (var c in cases)
        {
            for (var i = 0; i < c.Messages.Count; i++)
            {
                naiveTokens += PromptTokens(c.Messages.Skip(Math.Max(0, i - ContextMessages)).Take(Math.Min(i, ContextMessages) + 1));
            }
        }

        var needConversations = Enumerable.Range(0, cases.Count).Where(i => cases[i].GoldNeeds.Count > 0).ToList();
        return new Result(traffic.Count, cases.Sum(c => c.Messages.Count), cases.Count, taken, calls, tokens, naiveTokens,
            needConversations.Count, needConversations.Count(conversationsSent.Contains));
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

    /// <summary>Rough prompt size: instructions plus each message with its sender and id; about 1 token per CJK character, 1 per 4 others.</summary>
    public static int PromptTokens(IEnumerable<ChatMessage> messages) => 300 + messages.Sum(m => Tokens(m.Text) + 8);

    private static int Tokens(string text) => text.Count(c => c >= '\u2E80') + (text.Count(c => c < '\u2E80') / 4);
}
