using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// An offer asking who is doing it, and an organiser's late list under a heading ("Hoodie order: …, anyone else?") that
/// joins the need it lists instead of opening a second one (dev-7's streams, issue 12; sentences of their own).
/// </summary>
public sealed class LateListTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 5, 8, 0, 0, TimeSpan.FromHours(1));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null, int minutes = 0) =>
        DiscoveryChat.Message(T0, id, from, text, replyTo, minutes);

    [Theory]
    [InlineData("Club rate for the 10k closes Monday, 10% off if 8 of us enter. Who's doing it?")]
    [InlineData("The climbing wall does a group rate if 6 of us register, who's signing up?")]
    public void Asking_who_is_doing_it_is_a_call(string text) =>
        Assert.Equal(NeedAct.Solicit, NeedCues.Classify(text));

    [Theory]
    [InlineData("Hoodie order: Ana M, Ben 2x L, me S. Anyone else?")]
    [InlineData("拼车名单: 我、小王、阿May,还差一个")]
    public void A_heading_before_a_list_is_a_running_list(string text) =>
        Assert.True(NeedCues.IsTally(text));

    [Fact]
    public async Task A_late_list_under_a_heading_joins_the_need_it_lists()
    {
        const long chat = -1072;
        var board = await DiscoveryChat.Replay(
            chat,
            M(1, 201, "Thinking of ordering club hoodies, £25 each if we order 10+. Anyone?"),
            M(2, 202, "I'll take one, size M", 1, minutes: 2),
            M(3, 203, "put me down for 2", 1, minutes: 3),
            M(4, 209, "anyone seen my keys? left them at the track", minutes: 60),
            // Five hours later the offer's text is gone from memory; the organiser lists who is in.
            M(10, 201, "Hoodie order: Ana M, Ben 2x L, me S. Anyone else?", minutes: 300),
            M(11, 204, "S for me", 10, minutes: 302));

        var need = Assert.Single(board.Of(chat));
        Assert.Equal([201L, 202, 203, 204], need.Members.Select(m => m.UserId));
    }
}
