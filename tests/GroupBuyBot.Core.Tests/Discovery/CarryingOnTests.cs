using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// A call that carries on one already open ("更新一下,还差两箱", "仲有冇人要?", "Is the X thing still on?"), said days
/// later by the one who raised it (or as a want with one need on the board), is that need again, not a new one.
/// </summary>
public sealed class CarryingOnTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null, int? minutes = null) =>
        DiscoveryChat.Message(T0, id, from, text, replyTo, minutes ?? (int)id * 4);

    [Theory]
    [InlineData("蜂蜜这边更新一下,还差三瓶")]
    [InlineData("仲有冇人要?")]
    [InlineData("Is the window cleaning thing still on?")]
    [InlineData("We need 2 more to get the rate")]
    [InlineData("差两个就够了")]
    public void Saying_a_call_goes_on_carries_on(string text) =>
        Assert.True(NeedCues.CarriesOn(text.ToLowerInvariant()));

    [Theory]
    [InlineData("有没有人想一起买蜂蜜?")]
    [InlineData("Anyone keen on a window cleaner?")]
    [InlineData("差点忘了带伞")]
    public void A_new_call_does_not_carry_on(string text) =>
        Assert.False(NeedCues.CarriesOn(text.ToLowerInvariant()));

    [Fact]
    public async Task The_raiser_carrying_on_days_later_is_the_same_need()
    {
        var board = await DiscoveryChat.Replay(-1311,
            M(1, 31, "各位早,我老家的土蜂蜜,一斤装60,满10瓶包邮,有人一起吗?", minutes: 0),
            M(2, 32, "我要两瓶", 1, 5),
            M(3, 31, "好的", 2, 8),
            M(4, 31, "更新一下,还差几瓶才包邮,还有没有人要?", minutes: 4000),
            M(5, 33, "我要三瓶", 4, 4010));

        var need = Assert.Single(board.Of(-1311));
        Assert.Equal([31L, 32, 33], need.Members.Select(m => m.UserId).Order());
    }

    [Fact]
    public async Task The_raiser_calling_for_another_thing_days_later_is_a_new_need()
    {
        var board = await DiscoveryChat.Replay(-1312,
            M(1, 31, "各位早,我老家的土蜂蜜,一斤装60,满10瓶包邮,有人一起吗?", minutes: 0),
            M(2, 32, "我要两瓶", 1, 5),
            M(3, 31, "有没有人想一起报周末的陶艺课?三人以上打八折", minutes: 4000),
            M(4, 33, "算我一个", 3, 4010));

        Assert.Equal(2, board.Of(-1312).Count);
    }
}
