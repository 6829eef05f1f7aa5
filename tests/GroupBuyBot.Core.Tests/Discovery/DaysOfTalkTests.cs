using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Windows;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// The same talk arriving over days in small windows (dev-9's streams, issue 12; sentences of their own): a window the
/// gate would refuse but the free local rules find a need in is read.
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
}
