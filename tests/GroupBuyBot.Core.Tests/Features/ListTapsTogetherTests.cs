using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Tests.Fakes;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.Core.Tests.Features;

/// <summary>Taps on one list handled together keep every sign-up rule, in tap order, each with its own answer.</summary>
public class ListTapsTogetherTests
{
    private static readonly SignUpRequest Join = new(SignUpAction.Join, 1);

    private const long ChatId = -1001;
    private readonly InMemoryGroupBuyStore _store = new();
    private readonly GroupBuy _buy;

    public ListTapsTogetherTests()
    {
        _buy = GroupBuy.CreateDraft(ChatId, null, 1, new Member(1, "Alice"), Clock.Start);
        _buy.SetTitle("Honey");
        _buy.SetPrice(50, "CNY");
        _buy.SetMinUnits(2);
        _buy.SetDeadline(Clock.Start.AddDays(1));
        Assert.True(_buy.TrySetCapacity(2));
        Assert.True(_buy.Open(Clock.Start));
        _store.Add(_buy);
    }

    [Fact]
    public async Task Taps_together_fill_the_places_in_order_and_the_rest_wait_each_answered()
    {
        var handler = new SignUpHandler(_store, new BuyLocator(_store), Clock.Fake());
        var taps = new[] { Tap(2, "Bob", 10), Tap(3, "Carol", 11), Tap(4, "Dave", 12), Tap(2, "Bob", 13) };

        var outcomes = await handler.ApplyTaps(_buy.Id, [.. taps.Select(t => (t, Join))], CancellationToken.None);

        Assert.Equal(["You're in: 1 unit.", "You're in: 1 unit.", "Full — you're on the waiting list (1 unit).", "Places left: 0."],
            outcomes.Select(o => o.Toast));
        Assert.Equal([2L, 3L], _buy.ActiveSignUps.Select(s => s.UserId)); // Bob's +1 found no place left: still 1
        Assert.Equal(1, _buy.ActiveSignUps.Single(s => s.UserId == 2).Quantity);
        Assert.Equal([4L], _buy.Waitlist.Select(s => s.UserId));
    }

    [Fact]
    public async Task A_tap_seen_before_changes_nothing_and_says_nothing_again()
    {
        var handler = new SignUpHandler(_store, new BuyLocator(_store), Clock.Fake());
        await handler.ApplyTaps(_buy.Id, [(Tap(2, "Bob", 10), Join)], CancellationToken.None);

        var again = await handler.ApplyTaps(_buy.Id, [(Tap(2, "Bob", 10), Join), (Tap(3, "Carol", 11), Join)], CancellationToken.None);

        Assert.Same(Outcome.AlreadySaid, again[0]);
        Assert.Equal(1, _buy.ActiveSignUps.Single(s => s.UserId == 2).Quantity);
        Assert.Contains(_buy.ActiveSignUps, s => s.UserId == 3);
    }

    private static CommandContext Tap(long userId, string name, long updateId) =>
        new(new ChatSettings { ChatId = ChatId, TimeZoneId = "UTC", Language = Core.Localization.Language.En }, null, new Member(userId, name), updateId, 99);
}
