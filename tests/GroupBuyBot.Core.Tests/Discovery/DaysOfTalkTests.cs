using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Windows;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// The same talk arriving over days in small windows (dev-9's streams, issue 12; sentences of their own): a window the
/// gate would refuse but the free local rules find a need in is read; a member of a live need speaking of it again days
/// later makes it the topic the sign-ups just after it join; a need quiet for five days is still on the board (the
/// default <see cref="DiscoveryOptions.NeedIdleHours"/> is a week).
/// </summary>
public sealed class DaysOfTalkTests
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 5, 9, 0, 0, TimeSpan.FromHours(1));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null, int minutes = 0) =>
        DiscoveryChat.Message(T0, id, from, text, replyTo, minutes);

    [Fact]
    public async Task A_window_the_local_rules_find_a_need_in_is_read_though_the_gate_would_refuse_it()
    {
        ChatMessage[] talk =
        [
            M(1, 11, "Update: the window cleaner says £12 each instead of £20 if he can do 5+ on the same day. Thinking Sun 9th", minutes: 0),
            M(2, 12, "Brilliant, put me down", replyTo: 1, minutes: 5),
            M(3, 13, "Might as well, I'll get ours done too", minutes: 40),
        ];
        Assert.False(WindowGate.IsWorthSending(talk), "the gate alone refuses this window");
        Assert.NotEmpty(EmbeddedNeedExtractor.Extract(talk, []));

        var board = await DiscoveryChat.Replay(-501, talk);

        var need = Assert.Single(board.Of(-501));
        Assert.Equal([11, 12, 13], need.Members.Select(m => m.UserId).Order());
    }

    [Theory]
    [InlineData("奶茶团 update: 现在9杯了,还差3杯就有折扣", "老李也要一杯,少冰")]
    [InlineData("Firewood order update: 4 households so far, need 2 more for the free delivery", "put us down for half a load please")]
    public void A_members_update_days_later_makes_the_live_need_the_topic_the_sign_ups_after_it_join(string update, string signUp)
    {
        var live = new LiveNeed(7, update.StartsWith("奶茶", StringComparison.Ordinal) ? "奶茶团购" : "a firewood order", [21, 22], [3, 4]);
        ChatMessage[] window =
        [
            M(40, 21, update, minutes: 3000),
            M(41, 23, signUp, minutes: 3010),
        ];

        var need = Assert.Single(EmbeddedNeedExtractor.Extract(window, [live]));

        Assert.Equal(7, need.LiveNeedId);
        Assert.Contains(23L, need.Interested);
    }

    [Fact]
    public void Someone_outside_the_live_need_naming_it_does_not_make_it_the_topic()
    {
        var live = new LiveNeed(7, "奶茶团购", [21, 22], [3, 4]);
        ChatMessage[] window =
        [
            M(40, 25, "奶茶团 还在吗?", minutes: 3000),
            M(41, 23, "老李也要一杯,少冰", minutes: 3010),
        ];

        Assert.DoesNotContain(EmbeddedNeedExtractor.Extract(window, [live]), n => n.LiveNeedId == 7 && n.Interested.Contains(23));
    }

    [Fact]
    public async Task A_need_quiet_for_five_days_is_still_joined_with_the_default_idle_expiry()
    {
        const int Day = 24 * 60;
        var board = await DiscoveryChat.Replay(
            -502,
            M(1, 31, "Anyone want to go in on a bulk order of bird seed? The farm shop does 20% off for 5 sacks", minutes: 0),
            M(2, 32, "Yes please, count me in for one sack", replyTo: 1, minutes: 10),
            M(3, 33, "Put us down too", replyTo: 1, minutes: 20),
            M(4, 34, "Only seeing this now, is the bird seed order still on? I'd like a sack too", replyTo: 1, minutes: 5 * Day));

        Assert.Equal(168, new DiscoveryOptions().NeedIdleHours);
        var need = Assert.Single(board.Of(-502));
        Assert.Equal([31, 32, 33, 34], need.Members.Select(m => m.UserId).Order());
    }
}
