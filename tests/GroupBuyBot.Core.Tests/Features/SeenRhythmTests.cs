using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.Features.Recurring;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Tests.Fakes;
using GroupBuyBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace GroupBuyBot.Core.Tests.Features;

/// <summary>A rhythm nobody set: two past rounds of the same kind a month (a year) apart make the bot suggest the next one, once.</summary>
public class SeenRhythmTests
{
    private const long Chat = -1001;
    private readonly InMemoryGroupBuyStore _buys = new();
    private readonly FakeChats _chats = new();
    private readonly FakeTimeProvider _time = Clock.Fake();

    private RecurringBuys Recurring => new(_buys, new OrganizerPolicy(_chats, _chats), _chats, _time);

    [Fact]
    public async Task Two_rounds_a_month_apart_are_suggested_to_the_organizer_once_when_the_third_is_due()
    {
        Past("Rice 10 kg", daysAgo: 62, number: 1);
        var latest = Past("rice 10 kg", daysAgo: 31, number: 2);

        Assert.Equal(1, await Recurring.SuggestDue(default));
        Assert.Equal(0, await Recurring.SuggestDue(default)); // once per round
        Assert.NotNull(latest.RhythmSuggestedAt);
        Assert.Equal(BuyRhythm.Monthly, BuyRhythms.Seen([.. BuyRhythms.Kinds(_buys.All).Single()]));
    }

    [Fact]
    public async Task The_suggestion_says_it_was_seen_and_names_who_joined_last_time()
    {
        Past("Honey", daysAgo: 720, number: 1, supplier: 7);
        var latest = Past("Acacia honey", daysAgo: 355, number: 2, supplier: 7); // the same supplier: the same kind
        Assert.Equal(1, await Recurring.SuggestDue(default));

        var told = _buys.Decided.Single(o => o.Privately is not null).Privately!.Messages.Single();
        Assert.Equal(latest.Organizer.UserId, told.UserId);
        Assert.Contains("Bob ×2", told.Text);
        Assert.Contains("about a year after the one before", told.Text);
        Assert.Contains("/repeat #2 yearly", told.Text);
    }

    [Fact]
    public async Task No_suggestion_for_one_round_rounds_weeks_apart_a_kind_already_open_again_or_after_repeat_off()
    {
        Past("Oranges", daysAgo: 40, number: 1);
        Past("Lychees", daysAgo: 50, number: 2);
        Past("Lychees", daysAgo: 40, number: 3); // 10 days apart: no rhythm
        Assert.Equal(0, await Recurring.SuggestDue(default));

        Past("Eggs", daysAgo: 62, number: 4);
        Past("Eggs", daysAgo: 31, number: 5);
        var open = GroupBuy.CreateDraft(Chat, null, 6, new Member(99, "Alice"), _time.GetUtcNow());
        open.SetTitle("Eggs");
        open.SetPrice(20, "CNY");
        open.SetMinUnits(1);
        open.SetDeadline(_time.GetUtcNow().AddDays(2));
        Assert.True(open.Open(_time.GetUtcNow()));
        _buys.Add(open);
        Assert.Equal(0, await Recurring.SuggestDue(default));

        Past("Milk", daysAgo: 62, number: 7);
        Past("Milk", daysAgo: 31, number: 8).SetRhythm(BuyRhythm.Off);
        Assert.Equal(0, await Recurring.SuggestDue(default));
    }

    private GroupBuy Past(string title, int daysAgo, int number, long? supplier = null)
    {
        var at = _time.GetUtcNow().AddDays(-daysAgo);
        var buy = GroupBuy.CreateDraft(Chat, null, number, new Member(99, "Alice"), at);
        buy.SetTitle(title);
        buy.SetPrice(50, "CNY");
        buy.SetMinUnits(1);
        buy.SetDeadline(at.AddDays(1));
        Assert.True(buy.Open(at));
        buy.Join(new Member(2, "Bob"), 2, null, at);
        if (supplier is { } id) buy.AssignSupplier(id, null);
        Assert.True(buy.Close(at.AddHours(1)));
        return _buys.Add(buy);
    }
}
