using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features.Listing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.Core.Tests.Features;

public class GroupBuyListTextTests
{
    private static readonly ChatSettings English = new() { ChatId = -1, Language = Language.En, TimeZoneId = "Asia/Shanghai" };

    private static GroupBuy Buy(string title = "Oranges")
    {
        var buy = GroupBuy.CreateDraft(-1, null, 3, new Member(1, "Alice"), Clock.Start);
        buy.SetTitle(title);
        buy.SetPrice(60m, "CNY");
        buy.SetMinUnits(5);
        buy.SetDeadline(Clock.Start.AddDays(2));
        buy.Open(Clock.Start);
        return buy;
    }

    [Fact]
    public void The_list_shows_members_totals_and_what_is_missing()
    {
        var buy = Buy();
        buy.Join(new Member(2, "Bob"), 2, "sweet", Clock.Start);
        buy.Join(new Member(3, "Carol"), 1, null, Clock.Start);

        var text = GroupBuyListText.Render(buy, English);

        Assert.StartsWith("🛒 <b>Group buy #3: Oranges</b>", text);
        Assert.Contains("1. Bob ×2 (sweet)\n2. Carol ×1", text);
        Assert.Contains("Total: 3 units from 2 members", text);
        Assert.Contains("2 more to form the group.", text);
        Assert.Contains("Closes: 2026-11-25 18:00", text); // 10:00 UTC is 18:00 in Shanghai
    }

    [Fact]
    public void Member_text_is_escaped_so_it_cannot_become_markup()
    {
        var buy = Buy("<script>x</script> & <b>");
        buy.Join(new Member(2, "<i>Bob</i>"), 1, "</b><a href='x'>", Clock.Start);

        var text = GroupBuyListText.Render(buy, English);

        Assert.Contains("&lt;script&gt;x&lt;/script&gt; &amp; &lt;b&gt;", text);
        Assert.Contains("&lt;i&gt;Bob&lt;/i&gt; ×1 (&lt;/b&gt;&lt;a href='x'&gt;)", text);
        Assert.DoesNotContain("<i>", text);
    }

    [Fact]
    public void A_huge_list_stays_within_telegrams_message_limit_and_says_how_many_are_not_shown()
    {
        var buy = Buy();
        for (var i = 0; i < 500; i++) buy.Join(new Member(100 + i, $"Member number {i} with a long name"), 1, "a note that takes some room", Clock.Start);

        var text = GroupBuyListText.Render(buy, English);

        Assert.True(text.Length <= GroupBuyListText.MaxMessageLength, $"{text.Length} characters");
        Assert.Matches(@"…and \d+ more", text);
        Assert.Contains("Total: 500 units from 500 members", text);
    }
}
