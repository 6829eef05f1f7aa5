using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Windows;
using GroupBuyBot.Core.Evaluation;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Core.Tests.Fakes;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>Chat messages at minutes past a start, and the bot's discovery round without a model, as the eval replays it.</summary>
internal static class DiscoveryChat
{
    public static ChatMessage Message(DateTimeOffset start, long id, long from, string text, long? replyTo, int minutes) =>
        new(id, from, "U" + from, start.AddMinutes(minutes), text, replyTo);

    /// <summary>The round <c>eval needs</c> runs without a model (read 2 minutes after the need talk settles, nothing waits), on an in-memory board.</summary>
    public static (DiscoveryRound Round, InMemoryNeedBoardStore Board) EmbeddedRound()
    {
        var options = new DiscoveryOptions { BatchQuietMilliseconds = 120_000, SharedCallWaitMilliseconds = 0, RawTextRetentionMinutes = 180, SuggestionThreshold = 3 };
        var board = new InMemoryNeedBoardStore();
        return (new DiscoveryRound(new ConversationWindows(options), new EmbeddedNeedReader(), board, new FakeChats(), options), board);
    }

    /// <summary>Replays <paramref name="messages"/> in chat <paramref name="chatId"/> through <see cref="EmbeddedRound"/>; the board it leaves.</summary>
    public static async Task<InMemoryNeedBoardStore> Replay(long chatId, params ChatMessage[] messages)
    {
        var (round, board) = EmbeddedRound();
        await DiscoveryReplay.Run(round, [.. messages.Select(m => (chatId, m))], CancellationToken.None);
        return board;
    }
}
