using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Windows;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Core.Tests.Fakes;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// A member's /forgetme that arrives while their window is being read (a model call takes seconds) is not undone when
/// the reading lands: they are neither put back on the board nor remembered as raising a want.
/// </summary>
public class ForgetDuringReadingTests
{
    private const long Chat = -100;
    private const long Bob = 1, Carol = 2, Dave = 3;
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_member_forgotten_while_their_window_is_read_stays_off_the_board()
    {
        var (round, windows, board) = Round(forgetDuringRead: Carol);
        await PotteryTalkRead(round);

        Assert.DoesNotContain(board.Of(Chat), n => n.Has(Carol));
        Assert.DoesNotContain(board.Of(Chat).SelectMany(n => n.EvidenceMessageIds), id => id == 11);

        // Dave's join later makes two members, not the three a suggestion needs.
        Hear(round, 12, Dave, "+1, 两个娃", 10, 5);
        await round.Run(T0.AddMinutes(7), 120_000, CancellationToken.None);
        Assert.Empty(board.Said);
        Assert.DoesNotContain(board.Of(Chat), n => n.Has(Carol));
    }

    [Fact]
    public async Task A_want_raised_by_a_member_forgotten_while_it_was_read_is_not_remembered()
    {
        var (round, windows, board) = Round(forgetDuringRead: Carol);
        Hear(round, 20, Carol, "有没有人想一起请师傅上门清洗空调?", null, 0);
        Hear(round, 21, Bob, "有人想一起团购赣南脐橙吗?", null, 1); // another want: the window is read, neither is joined

        await round.Run(T0.AddMinutes(2), 60_000, CancellationToken.None);

        var raised = Assert.Single(windows.Raised(Chat, [], []));
        Assert.Equal(Bob, raised.Members[0]);
        Assert.Empty(board.Of(Chat));
    }

    [Fact]
    public async Task Without_a_forget_the_same_talk_puts_both_members_on_the_board()
    {
        var (round, _, board) = Round(forgetDuringRead: null);
        await PotteryTalkRead(round);

        var need = Assert.Single(board.Of(Chat));
        Assert.True(need.Has(Bob) && need.Has(Carol));
    }

    /// <summary>Bob asks, Carol joins; the window is read a minute later.</summary>
    private static async Task PotteryTalkRead(DiscoveryRound round)
    {
        Hear(round, 10, Bob, "周末有没有人想带娃去做陶艺?", null, 0);
        Hear(round, 11, Carol, "我家也想去!", 10, 1);
        await round.Run(T0.AddMinutes(2), 60_000, CancellationToken.None);
    }

    private static void Hear(DiscoveryRound round, long id, long from, string text, long? replyTo, int minutes) =>
        round.Hear(Chat, new ChatMessage(id, from, "U" + from, T0.AddMinutes(minutes), text, replyTo), minutes * 1_000);

    private static (DiscoveryRound Round, ConversationWindows Windows, InMemoryNeedBoardStore Board) Round(long? forgetDuringRead)
    {
        var options = new DiscoveryOptions { BatchQuietMilliseconds = 10_000, SharedCallWaitMilliseconds = 0, RawTextRetentionMinutes = 180, SuggestionThreshold = 3 };
        var windows = new ConversationWindows(options);
        var board = new InMemoryNeedBoardStore();
        INeedReader reader = forgetDuringRead is { } userId ? new ForgettingReader(windows, board, userId) : new EmbeddedNeedReader();
        return (new DiscoveryRound(windows, reader, board, new FakeChats(), options), windows, board);
    }

    /// <summary>Reads as the embedded extractor does, while the member's /forgetme is handled (as DiscoveryHandler does it).</summary>
    private sealed class ForgettingReader(ConversationWindows windows, InMemoryNeedBoardStore board, long userId) : INeedReader
    {
        private bool _forgot;

        public async Task<NeedReadings> Read(IReadOnlyList<DueWindow> due, CancellationToken ct)
        {
            var readings = await new EmbeddedNeedReader().Read(due, ct);
            if (_forgot) return readings;
            _forgot = true;
            Assert.Contains(readings.Windows.SelectMany(r => r.Needs.SelectMany(n => n.Interested).Concat(r.Raised.Select(w => w.Members[0]))), id => id == userId);
            windows.ForgetMember(Chat, userId, T0.AddMinutes(1.5), beforeMessageId: 99);
            await board.ForgetMember(Chat, userId, ct);
            return readings;
        }
    }
}
