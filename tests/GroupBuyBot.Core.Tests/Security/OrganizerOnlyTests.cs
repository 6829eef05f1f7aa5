using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Tests.Fakes;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.Core.Tests.Security;

/// <summary>
/// The use cases themselves refuse organizer-only actions, whatever called them (Telegram, webhook, a future API):
/// a member who is neither an administrator nor appointed changes nothing.
/// </summary>
public class OrganizerOnlyTests
{
    private const long ChatId = -1001;
    private static readonly Member Organizer = new(1, "Alice");
    private static readonly Member Member = new(2, "Mallory");

    private readonly InMemoryGroupBuyStore _store = new();
    private readonly FakeChats _chats = new();
    private readonly OrganizerPolicy _policy;
    private readonly BuyLocator _locator;
    private readonly GroupBuy _buy;
    private long _requestId;

    public OrganizerOnlyTests()
    {
        _policy = new OrganizerPolicy(_chats, _chats);
        _locator = new BuyLocator(_store);
        _chats.Administrators.Add((ChatId, Organizer.UserId));
        _buy = GroupBuy.CreateDraft(ChatId, null, 1, Organizer, Clock.Start);
        _buy.SetTitle("Oranges");
        _buy.SetPrice(60, "CNY");
        _buy.SetMinUnits(5);
        _buy.SetDeadline(Clock.Start.AddDays(2));
        _buy.Open(Clock.Start);
        _store.Add(_buy);
    }

    public static TheoryData<string, string> OrganizerCommands => new()
    {
        { "close", "" },
        { "close", "#1" },
        { "cancel", "1" },
        { "edit", "#1 price 1" },
        { "edit", "title Free iPhones" },
        { "extend", "#1 30d" },
        { "newbuy", "Free iPhones | 1 | 1 | 1d" },
    };

    [Theory]
    [MemberData(nameof(OrganizerCommands))]
    public async Task A_member_who_is_not_an_organizer_is_refused_and_nothing_is_written(string command, string arguments)
    {
        var before = Snapshot();

        var outcome = await Run(command, arguments, Member);

        Assert.Equal(Texts.Get(Language.En, "OrganizersOnly"), outcome.Reply);
        Assert.Null(outcome.Announce);
        Assert.Null(outcome.Ended);
        Assert.Null(outcome.RefreshBuyId);
        Assert.Equal(0, _store.Writes);
        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [MemberData(nameof(OrganizerCommands))]
    public async Task The_same_request_from_an_administrator_goes_through(string command, string arguments)
    {
        var outcome = await Run(command, arguments, Organizer);

        Assert.NotEqual(Texts.Get(Language.En, "OrganizersOnly"), outcome.Reply);
        Assert.Equal(1, _store.Writes);
    }

    [Fact]
    public async Task An_appointed_organizer_may_close_but_may_not_appoint_others()
    {
        _chats.Organizers.Add((ChatId, Member.UserId));
        _chats.KnownByUsername["eve"] = new Member(3, "Eve", "eve");
        var organizers = new OrganizersHandler(_chats, _policy);

        var appoint = await organizers.Handle(Context(Member), "add @eve", null, CancellationToken.None);
        var close = await Run("close", "", Member);

        Assert.Equal(Texts.Get(Language.En, "OrganizersAdminOnly"), appoint.Reply);
        Assert.DoesNotContain((ChatId, 3L), _chats.Organizers);
        Assert.Equal(GroupBuyStatus.Failed, _buy.Status);
        Assert.NotNull(close.Ended);
    }

    private Task<Outcome> Run(string command, string arguments, Member actor)
    {
        var time = Clock.Fake();
        var context = Context(actor);
        var ct = CancellationToken.None;
        return command switch
        {
            "close" => new ClosingHandler(_store, _locator, _policy, time).Close(context, arguments, ct),
            "cancel" => new ClosingHandler(_store, _locator, _policy, time).Cancel(context, arguments, ct),
            "edit" => new EditingHandler(_store, _locator, _policy, time).Edit(context, arguments, ct),
            "extend" => new EditingHandler(_store, _locator, _policy, time).Extend(context, arguments, ct),
            _ => new NewBuyHandler(_store, _policy, time).Start(context, arguments, ct),
        };
    }

    private CommandContext Context(Member actor) =>
        new(new ChatSettings { ChatId = ChatId, Language = Language.En, TimeZoneId = "UTC" }, null, actor, ++_requestId, null);

    private string Snapshot() => string.Join('|', _store.All.Select(b => $"{b.Id}:{b.Number}:{b.Title}:{b.Status}:{b.CurrentUnitPrice}:{b.Deadline}:{b.SignUps.Count}"));
}
