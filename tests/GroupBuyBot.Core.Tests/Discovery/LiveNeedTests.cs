using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Discovery.Windows;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// The board's live needs as topics of later windows: a need that fades and comes back after its first messages left
/// the raw-text retention is joined again, not lost.
/// </summary>
public class LiveNeedTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null, int minutes = 0) =>
        DiscoveryChat.Message(T0, id, from, text, replyTo, minutes);

    // Raised in message 5 by 101, joined in 6 by 102: what the board keeps of it (no text but the summary).
    private static readonly LiveNeed Lychees = new(7, "妃子笑荔枝", [101, 102], [5, 6]);

    [Fact]
    public void A_plus_one_replying_to_a_message_gone_from_memory_joins_the_live_need_it_belongs_to()
    {
        var window = new[] { M(40, 103, "收到,谢谢", minutes: 300), M(41, 104, "+1 算我一个", replyTo: 5, minutes: 301) };

        var need = Assert.Single(EmbeddedNeedExtractor.Extract(window, [Lychees]));

        Assert.Equal(7, need.LiveNeedId);
        Assert.Equal([104], need.Interested);
        Assert.Equal([41], need.Evidence);
        Assert.Empty(EmbeddedNeedExtractor.Extract(window)); // without the board, nothing to attach it to
    }

    [Fact]
    public void A_join_naming_what_the_summary_names_joins_it_and_new_talk_stays_apart()
    {
        var window = new[]
        {
            M(50, 105, "有没有人一起请师傅上门换纱窗?", minutes: 300),
            M(51, 106, "换纱窗算我一个", replyTo: 50, minutes: 301),
            M(52, 103, "荔枝我也要一箱", minutes: 302),
        };

        var needs = EmbeddedNeedExtractor.Extract(window, [Lychees]);

        var lychees = Assert.Single(needs, n => n.LiveNeedId == 7);
        Assert.Equal([103], lychees.Interested);
        var screens = Assert.Single(needs, n => n.LiveNeedId is null);
        Assert.Equal([105, 106], screens.Interested);
    }

    [Fact]
    public void A_bare_plus_one_naming_nothing_is_not_given_to_a_live_need_by_recency()
    {
        var window = new[] { M(60, 108, "今天好热啊", minutes: 300), M(61, 109, "+1", minutes: 301) };

        Assert.Empty(EmbeddedNeedExtractor.Extract(window, [Lychees]));
    }

    [Fact]
    public void The_live_needs_own_messages_still_in_memory_stay_with_it_instead_of_opening_a_second_need()
    {
        var window = new[]
        {
            M(5, 101, "各位邻居,我同学的妃子笑荔枝熟了,有没有想一起拼的?"),
            M(6, 102, "我要!", replyTo: 5, minutes: 2),
            M(9, 103, "算我一个,两箱", replyTo: 5, minutes: 90),
        };

        var need = Assert.Single(EmbeddedNeedExtractor.Extract(window, [Lychees]));

        Assert.Equal(7, need.LiveNeedId);
        Assert.Equal([101, 102, 103], need.Interested);
    }

    [Fact]
    public void A_no_under_the_live_need_is_no_join_and_a_window_adding_nothing_returns_nothing_of_it()
    {
        var window = new[] { M(70, 104, "荔枝我就不要了,家里还有", replyTo: 5, minutes: 300) };

        Assert.Empty(EmbeddedNeedExtractor.Extract(window, [Lychees]));
    }

    [Fact]
    public void Merging_a_need_that_names_its_live_need_adds_to_that_one_and_keeps_the_absent_members_names()
    {
        var board = new List<BoardNeed>
        {
            new()
            {
                Id = 7, ChatId = -1, Summary = "妃子笑荔枝", Status = BoardNeedStatus.Gathering, FirstSeenAt = T0, LastActiveAt = T0,
                Members = [new BoardMember(101, "老何", [5], T0), new BoardMember(102, "林姐", [6], T0)],
            },
            new() { Id = 8, ChatId = -1, Summary = "上门换纱窗", Status = BoardNeedStatus.Gathering, FirstSeenAt = T0, LastActiveAt = T0 },
        };
        var window = new[] { M(41, 104, "+1", replyTo: 5, minutes: 300) };

        // The summary names the other need's words: the live id decides, not the words.
        NeedBoard.Merge(board, -1, window, [new ExtractedNeed("上门换纱窗", [104], [41], LiveNeedId: 7)], T0.AddHours(5));

        Assert.Equal(["老何", "林姐", "U104"], board[0].Members.Select(m => m.DisplayName));
        Assert.Empty(board[1].Members);
        Assert.Equal(T0.AddHours(5), board[0].LastActiveAt);
    }

    [Fact]
    public void Only_needs_that_can_still_gather_are_live()
    {
        BoardNeed Need(long id, BoardNeedStatus status) => new()
        {
            Id = id, Summary = "x" + id, Status = status,
            Members = [new BoardMember(1, "a", [id * 10], T0), new BoardMember(2, "b", [id * 10 + 1], T0)],
        };

        var live = LiveNeed.Of([Need(1, BoardNeedStatus.Gathering), Need(2, BoardNeedStatus.Suggested), Need(3, BoardNeedStatus.NotNow),
                                Need(4, BoardNeedStatus.Started), Need(5, BoardNeedStatus.Never)]);

        Assert.Equal([1, 2, 3], live.Select(n => n.Id));
        Assert.Equal([10, 11], live[0].Evidence);
    }

    [Fact]
    public void The_gate_lets_a_lone_join_through_only_when_it_names_a_live_need()
    {
        var named = new[] { M(41, 104, "荔枝算我一箱", minutes: 300) };
        var unnamed = new[] { M(42, 104, "算我一个", minutes: 300) };

        Assert.False(WindowGate.IsWorthSending(named));
        Assert.True(WindowGate.IsWorthSending(named, [Lychees]));
        Assert.False(WindowGate.IsWorthSending(unnamed, [Lychees]));
    }

    [Fact]
    public async Task Through_the_bots_round_a_need_that_returns_after_the_retention_reaches_the_threshold()
    {
        const long chat = -1004;
        var board = await DiscoveryChat.Replay(
            chat,
            M(5, 101, "我同学的妃子笑荔枝熟了,顺丰冷链发,有没有想一起拼的?"),
            M(6, 102, "我要!去年超市买的都不新鲜", replyTo: 5, minutes: 2),
            M(7, 110, "今天物业说下午停水", minutes: 60),
            // Five hours later: messages 5 and 6 are gone from memory, the board still knows them.
            M(30, 103, "荔枝还能加吗?算我一箱", replyTo: 5, minutes: 300));

        var need = Assert.Single(board.Of(chat));
        Assert.Equal([101, 102, 103], need.Members.Select(m => m.UserId));
        Assert.Equal(BoardNeedStatus.Suggested, need.Status);
        Assert.Single(board.Said);
    }
}
