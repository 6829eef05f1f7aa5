using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Listing;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.Features.Sharing;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.Features.Suppliers;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Suppliers;
using GroupBuyBot.Core.Tests.Fakes;
using GroupBuyBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace GroupBuyBot.Core.Tests.Features;

/// <summary>Linking groups and sharing a buy between them: who may, what each group sees, one queue across groups.</summary>
public class SharingTests
{
    private const long Maple = -1001;
    private const long Elm = -1002;
    private const long Oak = -1003;
    private readonly InMemoryGroupBuyStore _buys = new();
    private readonly InMemoryChatLinkStore _links = new();
    private readonly FakeChats _chats = new();
    private readonly FakeTimeProvider _time = Clock.Fake();
    private long _update = 100;

    public SharingTests()
    {
        _chats.Administrators.Add((Maple, 1));
        _chats.Administrators.Add((Elm, 5));
    }

    private LinkHandler Links => new(_links, _buys, new OrganizerPolicy(_chats, _chats), _time);

    [Fact]
    public async Task A_link_needs_an_organizer_to_ask_and_an_administrator_of_the_other_group_to_confirm_once()
    {
        Assert.Contains("Only organizers", (await Links.Link(In(Maple, 2, "Bob"), "", default)).Reply);
        var invite = (await Links.Link(In(Maple, 1, "Alice"), "", default)).Reply!;
        var code = _links.All.Single().Code;
        Assert.Contains($"/link {code}", invite);
        Assert.Equal(ChatLink.CodeLength, code.Length);

        Assert.Contains("Only an administrator", (await Links.Link(In(Elm, 6, "Frank"), code, default)).Reply);
        Assert.Contains("this group's own", (await Links.Link(In(Maple, 1, "Alice"), code, default)).Reply);
        Assert.Contains("No invitation", (await Links.Link(In(Elm, 5, "Erin"), "NOSUCH", default)).Reply);
        var linked = await Links.Link(In(Elm, 5, "Erin"), code.ToLowerInvariant(), default);
        Assert.Contains("Linked with Maple Court", linked.Reply);
        Assert.Equal(Maple, linked.Notices.Single().ChatId);
        Assert.Contains("Elm Street confirmed the link (Erin)", linked.Notices.Single().Text);

        // Used once: another group's administrator cannot take the same code.
        _chats.Administrators.Add((Oak, 7));
        Assert.Contains("No invitation", (await Links.Link(In(Oak, 7, "Olga"), code, default)).Reply);
        Assert.Single(await _links.ListLinked(Maple, default));
    }

    [Fact]
    public async Task An_invitation_expires_after_a_day()
    {
        await Links.Link(In(Maple, 1, "Alice"), "", default);
        _time.Advance(ChatLink.InvitationLifetime + TimeSpan.FromMinutes(1));
        Assert.Contains("No invitation", (await Links.Link(In(Elm, 5, "Erin"), _links.All.Single().Code, default)).Reply);
        Assert.Empty(await _links.ListLinked(Elm, default));
    }

    [Fact]
    public async Task Members_of_the_other_group_fill_one_capacity_and_one_queue_and_each_list_names_its_own()
    {
        var buy = await SharedBuy(capacity: 3);
        var signUps = new SignUpHandler(_buys, new BuyLocator(_buys), _time);

        await signUps.Join(In(Maple, 2, "Bob"), "", default);
        await signUps.Join(In(Elm, 6, "Frank"), "2", default);
        var waiting = await signUps.Join(In(Elm, 7, "Grace"), "", default);
        await signUps.Join(In(Maple, 3, "Carol"), "", default);
        Assert.Contains("waiting list", waiting.Reply);
        Assert.Equal([7L, 3L], buy.Waitlist.Select(s => s.UserId));
        Assert.Equal(Elm, buy.GroupOf(buy.Waitlist.First()));

        var maple = GroupBuyListText.Render(buy, Chat(Maple));
        var elm = GroupBuyListText.Render(buy, Chat(Elm));
        Assert.Contains("#1: Oranges", maple);
        Assert.Contains("#4: Oranges", elm); // Elm Street's own numbering
        Assert.Contains("1. Bob ×1", maple);
        Assert.Contains("2. Carol ×1", maple); // second in the one queue, after Grace
        Assert.DoesNotContain("Frank", maple);
        Assert.DoesNotContain("Grace", maple);
        Assert.Contains("By group: Maple Court: 1 · Elm Street: 2", maple);
        Assert.Contains("2. Frank ×2", elm);
        Assert.Contains("1. Grace ×1", elm);
        Assert.DoesNotContain("Bob", elm);

        // Elm Street knows the buy by its own number; a member of its own moving up is named there.
        var set = await signUps.Set(In(Elm, 6, "Frank"), "#4 1", default);
        Assert.Contains("Frank now has 1 unit.\nGrace moved from the waiting list", set.Reply);

        // Frank leaves: Carol, next in the one queue, moves up; Elm Street hears it without her name.
        var left = await signUps.Leave(In(Elm, 6, "Frank"), "", default);
        Assert.Contains("A member of Maple Court moved from the waiting list", left.Reply);
        Assert.DoesNotContain("Carol", left.Reply);
        Assert.Equal([2L, 7L, 3L], buy.ActiveSignUps.Select(s => s.UserId));
    }

    [Fact]
    public async Task A_group_the_buy_is_not_shared_with_cannot_sign_up_and_organizers_there_cannot_close_it()
    {
        var buy = await SharedBuy(capacity: null);
        var signUps = new SignUpHandler(_buys, new BuyLocator(_buys), _time);

        var tap = await signUps.Apply(In(Oak, 9, "Olga"), buy.Id, new SignUpRequest(SignUpAction.Join, 1), asToast: true, default);
        Assert.Equal("This button is no longer valid.", tap.Toast);
        Assert.Empty(buy.SignUps);

        // The organizers' commands find only a group's own buys: Elm Street cannot close Maple Court's.
        var locator = new BuyLocator(_buys);
        var (found, problem) = await locator.Locate(In(Elm, 5, "Erin"), null, "/close", default);
        Assert.Null(found);
        Assert.NotNull(problem);
    }

    [Fact]
    public async Task The_supplier_order_has_a_subtotal_per_group()
    {
        var buy = await SharedBuy(capacity: null);
        var signUps = new SignUpHandler(_buys, new BuyLocator(_buys), _time);
        await signUps.Join(In(Maple, 2, "Bob"), "1", default);
        await signUps.Join(In(Elm, 6, "Frank"), "2", default);
        await signUps.Join(In(Elm, 7, "Grace"), "1", default);
        Assert.True(buy.Close(_time.GetUtcNow()));

        var order = SupplierOrderHandler.OrderText(buy, Chat(Maple), new Supplier { Name = "Farm" });

        Assert.Contains("Maple Court: 1 unit from 1 members, ¥30", order);
        Assert.Contains("Elm Street: 3 units from 2 members, ¥90", order);
    }

    [Fact]
    public async Task Sharing_needs_an_organizer_a_link_and_an_open_buy_and_unlinking_says_what_stays_shared()
    {
        var buy = OpenBuy(capacity: null);
        var share = new ShareHandler(_buys, _links, new BuyLocator(_buys), new OrganizerPolicy(_chats, _chats), _time);
        Assert.Contains("Only organizers", (await share.Share(In(Maple, 2, "Bob"), "", default)).Reply);
        Assert.Contains("not linked", (await share.Share(In(Maple, 1, "Alice"), "", default)).Reply);

        await Link();
        var shared = await share.Share(In(Maple, 1, "Alice"), "#1", default);
        Assert.Contains("shared with Elm Street", shared.Reply);
        Assert.Equal([new SharedList(buy.Id, Elm)], shared.SharedLists);
        Assert.Contains("already shared", (await share.Share(In(Maple, 1, "Alice"), "", default)).Reply);

        var unlinked = await Links.Unlink(In(Maple, 1, "Alice"), "", default);
        Assert.Contains("Unlinked from Elm Street", unlinked.Reply);
        Assert.Contains("(#1) stay shared until they close", unlinked.Reply);
        Assert.Equal(Elm, unlinked.Notices.Single().ChatId);
        Assert.Empty(await _links.ListLinked(Maple, default));
    }

    private async Task<GroupBuy> SharedBuy(int? capacity)
    {
        var buy = OpenBuy(capacity);
        await Link();
        // Elm Street already had three buys of its own: this one is its #4 there.
        Assert.True(buy.ShareWith(Elm, 4, "Elm Street", "Maple Court", _time.GetUtcNow()));
        Assert.False(buy.ShareWith(Elm, 5, "Elm Street", "Maple Court", _time.GetUtcNow()));
        return buy;
    }

    private GroupBuy OpenBuy(int? capacity)
    {
        var buy = GroupBuy.CreateDraft(Maple, null, 1, new Member(1, "Alice"), _time.GetUtcNow());
        buy.SetTitle("Oranges");
        buy.SetPrice(30, "CNY");
        buy.SetMinUnits(2);
        buy.SetDeadline(_time.GetUtcNow().AddDays(1));
        if (capacity is not null) Assert.True(buy.TrySetCapacity(capacity));
        Assert.True(buy.Open(_time.GetUtcNow()));
        return _buys.Add(buy);
    }

    private async Task Link()
    {
        await Links.Link(In(Maple, 1, "Alice"), "", default);
        await Links.Link(In(Elm, 5, "Erin"), _links.All[^1].Code, default);
    }

    private static ChatSettings Chat(long chatId) => new()
    {
        ChatId = chatId, Title = chatId == Maple ? "Maple Court" : chatId == Elm ? "Elm Street" : "Oak Lane", TimeZoneId = "UTC", Language = Language.En,
    };

    private CommandContext In(long chatId, long userId, string name) => new(Chat(chatId), null, new Member(userId, name), ++_update, null);
}
