using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Tests.Fakes;
using GroupBuyBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace GroupBuyBot.Core.Tests.Features;

/// <summary>
/// The organizer's command and the deadline, in both orders, each order forced by the test: whichever came second
/// changes nothing, and a command that came second says the buy already closed at its deadline and how it ended.
/// </summary>
public class ClosingAfterDeadlineTests
{
    private const long ChatId = -1001;
    private static readonly Member Organizer = new(1, "Alice");
    private static readonly DateTimeOffset Deadline = Clock.Start.AddHours(1); // 19:00 in Shanghai

    private readonly InMemoryGroupBuyStore _store = new();
    private readonly FakeChats _chats = new();
    private readonly FakeTimeProvider _time = Clock.Fake();
    private readonly GroupBuy _buy;
    private long _requestId;

    public ClosingAfterDeadlineTests()
    {
        _chats.Administrators.Add((ChatId, Organizer.UserId));
        _buy = GroupBuy.CreateDraft(ChatId, null, 1, Organizer, Clock.Start);
        _buy.SetTitle("Honey");
        _buy.SetPrice(50, "CNY");
        _buy.SetMinUnits(2);
        _buy.SetDeadline(Deadline);
        Assert.True(_buy.Open(Clock.Start));
        _store.Add(_buy);
    }

    public static TheoryData<Language, int, string> LateCloseAnswers => new()
    {
        { Language.En, 2, "Too late: group buy #1 “Honey” already closed at its deadline (2026-11-23 19:00) and formed (成团): 2 units at ¥50 each. It can no longer be changed." },
        { Language.En, 1, "Too late: group buy #1 “Honey” already closed at its deadline (2026-11-23 19:00) without reaching the minimum (1 of 2). It did not form, and nobody will be charged. It can no longer be changed." },
        { Language.Zh, 2, "来晚了：#1「Honey」已在截止时间（2026-11-23 19:00）截单，成团！共 2 份，单价 ¥50。已不能再修改。" },
        { Language.Zh, 1, "来晚了：#1「Honey」已在截止时间（2026-11-23 19:00）截单，未达成团数量（1/2），流团，不会向任何人收费。已不能再修改。" },
    };

    [Theory]
    [MemberData(nameof(LateCloseAnswers))]
    public async Task A_close_after_the_deadline_job_closed_the_buy_says_so_and_whether_it_formed(Language language, int units, string expected)
    {
        _buy.Join(new Member(2, "Bob"), units, null, Clock.Start);
        await DeadlineCame();

        var outcome = await Closing().Close(Context(language), "#1", CancellationToken.None);

        Assert.Equal(expected, outcome.Reply);
        Assert.Null(outcome.Ended);
    }

    [Theory]
    [InlineData("close", "#1")]
    [InlineData("cancel", "1")]
    [InlineData("extend", "#1 1d")]
    [InlineData("edit", "#1 price 40")]
    public async Task Every_organizer_command_that_lost_to_the_deadline_tells_the_truth_and_changes_nothing(string command, string arguments)
    {
        _buy.Join(new Member(2, "Bob"), 2, null, Clock.Start);

        // The deadline job's transaction comes first; the command's, on the same buy, second.
        await DeadlineCame();
        var version = _buy.Version;
        var ct = CancellationToken.None;
        var context = Context(Language.En);
        var outcome = await (command switch
        {
            "close" => Closing().Close(context, arguments, ct),
            "cancel" => Closing().Cancel(context, arguments, ct),
            "extend" => Editing().Extend(context, arguments, ct),
            _ => Editing().Edit(context, arguments, ct),
        });

        Assert.Equal(
            "Too late: group buy #1 “Honey” already closed at its deadline (2026-11-23 19:00) and formed (成团): 2 units at ¥50 each. It can no longer be changed.",
            outcome.Reply);
        Assert.Null(outcome.Ended);
        Assert.Equal(GroupBuyStatus.Formed, _buy.Status);
        Assert.Equal(Deadline, _buy.Deadline);
        Assert.Equal(50, _buy.UnitPrice);
        Assert.Equal(version, _buy.Version);
    }

    [Fact]
    public async Task A_close_before_the_deadline_wins_and_the_deadline_job_that_comes_after_it_does_nothing()
    {
        _buy.Join(new Member(2, "Bob"), 2, null, Clock.Start);
        _time.Advance(TimeSpan.FromMinutes(59));

        var closed = await Closing().Close(Context(Language.En), "", CancellationToken.None);
        Assert.Same(_buy, closed.Ended);
        Assert.StartsWith("Group buy #1 “Honey” is closed and formed", closed.Reply, StringComparison.Ordinal);
        var closedAt = _buy.ClosedAt;

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await new DeadlineCloser(_store, _chats, _time).CloseIfDue(_buy.Id, CancellationToken.None));
        Assert.Equal(closedAt, _buy.ClosedAt);

        // The organizer closed it, not the deadline: a second /close does not claim otherwise.
        var again = await Closing().Close(Context(Language.En), "#1", CancellationToken.None);
        Assert.Equal("Group buy #1 is no longer open.", again.Reply);
    }

    [Fact]
    public async Task A_bare_close_just_after_the_deadline_closed_the_only_buy_says_so_and_much_later_says_none_is_open()
    {
        _buy.Join(new Member(2, "Bob"), 2, null, Clock.Start);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.NotNull(await new DeadlineCloser(_store, _chats, _time).CloseIfDue(_buy.Id, CancellationToken.None));
        var version = _buy.Version;

        // Typed just before the deadline, handled just after: no number, no reply, and no buy is open any more.
        _time.Advance(TimeSpan.FromSeconds(5));
        var late = await Closing().Close(Context(Language.En), "", CancellationToken.None);
        Assert.StartsWith("Too late: group buy #1 “Honey” already closed at its deadline", late.Reply, StringComparison.Ordinal);
        Assert.Null(late.Ended);
        Assert.Equal(version, _buy.Version);

        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal("No group buy is open in this chat. Organizers start one with /newbuy.", (await Closing().Close(Context(Language.En), "", CancellationToken.None)).Reply);
    }

    [Fact]
    public async Task A_buy_cancelled_after_its_deadline_is_not_reported_as_closed_at_its_deadline()
    {
        // The bot was down over the deadline, and the organizer's /cancel was handled before the deadline job.
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Same(_buy, (await Closing().Cancel(Context(Language.En), "", CancellationToken.None)).Ended);

        Assert.Null(await new DeadlineCloser(_store, _chats, _time).CloseIfDue(_buy.Id, CancellationToken.None));
        Assert.False(_buy.ClosedAtDeadline);
        Assert.Equal("Group buy #1 is no longer open.", (await Closing().Close(Context(Language.En), "#1", CancellationToken.None)).Reply);
    }

    private async Task DeadlineCame()
    {
        _time.Advance(Deadline - _time.GetUtcNow());
        var closed = await new DeadlineCloser(_store, _chats, _time).CloseIfDue(_buy.Id, CancellationToken.None);
        Assert.NotNull(closed?.Outcome.Ended);
        Assert.True(_buy.ClosedAtDeadline);
    }

    private ClosingHandler Closing() => new(_store, new BuyLocator(_store), new OrganizerPolicy(_chats, _chats), _time);

    private EditingHandler Editing() => new(_store, new BuyLocator(_store), new OrganizerPolicy(_chats, _chats), _time);

    private CommandContext Context(Language language) =>
        new(new ChatSettings { ChatId = ChatId, Language = language, TimeZoneId = "Asia/Shanghai" }, null, Organizer, ++_requestId, null);
}
