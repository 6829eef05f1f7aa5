using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Export;
using GroupBuyBot.Core.Features.Listing;
using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.Features.Suppliers;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.SignUps.Replies;
using GroupBuyBot.Core.Suppliers;
using GroupBuyBot.Core.Tests.Fakes;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.Core.Tests.GroupBuys;

/// <summary>A buy with options (sizes, sessions): each its own price, capacity and waiting list; asked about, never guessed.</summary>
public class BuyOptionsTests
{
    private const long ChatId = -1001;
    private static readonly DateTimeOffset Now = Clock.Start;
    private static readonly Member Alice = new(1, "Alice");
    private static readonly Member Bob = new(2, "Bob");
    private static readonly Member Carol = new(3, "Carol");
    private static readonly ChatSettings English = new() { ChatId = ChatId, Language = Language.En, TimeZoneId = "UTC", Title = "Maple Court" };
    private static readonly ChatSettings Chinese = new() { ChatId = ChatId, Language = Language.Zh, TimeZoneId = "UTC", Title = "枫林苑" };

    private static GroupBuy Buy(string options, string min = "5", ChatSettings? chat = null)
    {
        var buy = GroupBuy.CreateDraft(ChatId, null, 1, new Member(99, "Organizer"), Now);
        var context = Context(chat ?? English, new Member(99, "Organizer"));
        Assert.Null(GroupBuyFieldInput.TryApply(buy, GroupBuyField.Title, "Pottery", context, Now));
        Assert.Null(GroupBuyFieldInput.TryApply(buy, GroupBuyField.Price, options, context, Now));
        Assert.Null(GroupBuyFieldInput.TryApply(buy, GroupBuyField.MinUnits, min, context, Now));
        Assert.Null(GroupBuyFieldInput.TryApply(buy, GroupBuyField.Deadline, "2d", context, Now));
        Assert.True(buy.Open(Now));
        return buy;
    }

    private static CommandContext Context(ChatSettings chat, Member actor, long requestId = 1) => new(chat, null, actor, requestId, null);

    [Theory]
    [InlineData("大箱 60, 小箱 35", "大箱|60|-;小箱|35|-")]
    [InlineData("Sat 10:00 80 max 10, Sun 14:00 80 max 10", "Sat 10:00|80|10;Sun 14:00|80|10")]
    [InlineData("周六10点 80元 限10人；周日14点 80元 限10人", "周六10点|80|10;周日14点|80|10")]
    [InlineData("Large box $60 (10 places), Small box $35", "Large box|60|10;Small box|35|-")]
    [InlineData("大箱60、小箱35、礼盒装 128", "大箱|60|-;小箱|35|-;礼盒装|128|-")]
    [InlineData("大包 50⭐ 限2, 小包 20⭐", "大包|50|2;小包|20|-")] // Telegram Stars
    [InlineData("Big pack 50 stars, Small pack 20 stars", "Big pack|50|-;Small pack|20|-")]
    public void Options_read_as_organizers_write_them(string text, string expected)
    {
        Assert.True(OptionText.TryParseList(text, out var options));
        Assert.Equal(expected, string.Join(';', options.Select(o => $"{o.Name}|{o.Price}|{o.Capacity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}")));
    }

    [Theory]
    [InlineData("60, 35")] // no names
    [InlineData("大箱 sixty, 小箱 35")]
    [InlineData("大箱 60, 大箱 35")] // the same name twice
    [InlineData("大箱 60")] // one option is a price with a name: not options
    public void Malformed_options_are_refused(string text) => Assert.False(OptionText.TryParseList(text, out _));

    [Fact]
    public void A_price_that_is_neither_a_number_nor_options_is_refused_and_changes_nothing()
    {
        var buy = GroupBuy.CreateDraft(ChatId, null, 1, Alice, Now);
        var problem = GroupBuyFieldInput.TryApply(buy, GroupBuyField.Price, "大箱 lots, 小箱 35", Context(Chinese, Alice), Now);
        Assert.Contains("不是有效的价格", problem ?? "", StringComparison.Ordinal);
        Assert.False(buy.HasOptions);
        Assert.Null(buy.UnitPrice);
    }

    [Fact]
    public void Each_option_fills_its_own_places_and_keeps_its_own_waiting_list_in_order()
    {
        var buy = Buy("Sat 10:00 80 max 2, Sun 14:00 80 max 2");

        Assert.Equal(SignUpResult.Joined, buy.Join(Alice, 2, null, Now, option: 1).Result);
        Assert.Equal(SignUpResult.Waitlisted, buy.Join(Bob, 1, null, Now, option: 1).Result);
        Assert.Equal(SignUpResult.Joined, buy.Join(Carol, 1, null, Now, option: 2).Result); // Sunday has room: Bob waiting for Saturday does not hold it
        Assert.Equal(SignUpResult.Joined, buy.Join(Bob, 1, null, Now, option: 2).Result); // and Bob may take Sunday too

        Assert.Equal(2, buy.UnitsIn(1));
        Assert.Equal(2, buy.UnitsIn(2));
        Assert.Equal([2L], buy.Waitlist.Where(s => s.Option == 1).Select(s => s.UserId));

        var left = buy.Leave(Alice.UserId, Now, option: 1);
        Assert.Equal([2L], left.Promoted.Select(s => s.UserId)); // Saturday's queue moves up; Sunday's is untouched
        Assert.Equal(2, buy.SignUpsOf(Bob.UserId).Count(s => s.Status == SignUpStatus.Active));
    }

    [Fact]
    public void Leaving_without_naming_an_option_leaves_the_whole_buy()
    {
        var buy = Buy("大箱 60, 小箱 35");
        buy.Join(Alice, 1, null, Now, option: 1);
        buy.Join(Alice, 2, null, Now, option: 2);

        Assert.Equal(SignUpResult.Left, buy.Leave(Alice.UserId, Now).Result);
        Assert.Empty(buy.SignUpsOf(Alice.UserId));
    }

    [Fact]
    public void With_a_minimum_per_session_one_session_forms_and_the_other_is_not_ordered()
    {
        var buy = Buy("周六10点 80 限10, 周日14点 80 限10", min: "每场3");
        Assert.True(buy.MinimumPerOption);
        buy.Join(Alice, 2, null, Now, option: 1);
        buy.Join(Bob, 1, null, Now, option: 1);
        buy.Join(Carol, 1, null, Now, option: 2);

        Assert.True(buy.Close(Now));

        Assert.Equal(GroupBuyStatus.Formed, buy.Status);
        Assert.Equal([1L, 2L], buy.OrderedSignUps.Select(s => s.UserId));
        Assert.Equal(3, buy.OrderedUnits);
        Assert.Equal(240m, buy.OrderedAmount);
    }

    [Fact]
    public void With_a_minimum_for_the_whole_buy_every_option_counts_towards_it()
    {
        var buy = Buy("大箱 60, 小箱 35", min: "3");
        buy.Join(Alice, 1, null, Now, option: 1);
        buy.Join(Bob, 1, null, Now, option: 2);
        Assert.Equal(1, buy.UnitsToForm);
        buy.Join(Carol, 1, null, Now, option: 2);

        Assert.True(buy.Close(Now));
        Assert.Equal(GroupBuyStatus.Formed, buy.Status);
        Assert.Equal(130m, buy.OrderedAmount);
    }

    [Fact]
    public void A_closed_option_takes_no_new_sign_ups_but_its_members_can_reduce()
    {
        var buy = Buy("大箱 60, 小箱 35");
        buy.Join(Alice, 2, null, Now, option: 1);
        Assert.Null(OptionEdit.TryApply(buy, "1 close", Context(English, Alice), Now));

        Assert.Equal(SignUpResult.OptionClosed, buy.Join(Bob, 1, null, Now, option: 1).Result);
        Assert.Equal(SignUpResult.OptionClosed, buy.Join(Alice, 1, null, Now, option: 1).Result);
        Assert.Equal(SignUpResult.Updated, buy.Decrement(Alice, Now, option: 1).Result);
        Assert.NotNull(OptionEdit.TryApply(buy, "小箱 close", Context(English, Alice), Now)); // the last open option stays open
    }

    [Fact]
    public void Options_are_added_renamed_repriced_and_given_places_and_a_bad_change_changes_nothing()
    {
        var buy = Buy("大箱 60, 小箱 35");
        var context = Context(Chinese, Alice);
        buy.Join(Alice, 3, null, Now, option: 2);

        Assert.Null(OptionEdit.TryApply(buy, "add 中箱 45 限5", context, Now));
        Assert.Null(OptionEdit.TryApply(buy, "大箱 name 特大箱", context, Now));
        Assert.Null(OptionEdit.TryApply(buy, "2 price 30", context, Now));
        var version = buy.Version;
        Assert.Contains("无法这样修改选项", OptionEdit.TryApply(buy, "2 capacity 2", context, Now), StringComparison.Ordinal); // 3 already signed up
        Assert.Contains("没有“礼盒”这个选项", OptionEdit.TryApply(buy, "礼盒 price 99", context, Now), StringComparison.Ordinal);
        Assert.Contains("/edit option", OptionEdit.TryApply(buy, "2 colour red", context, Now), StringComparison.Ordinal);

        Assert.Equal(version, buy.Version);
        Assert.Equal(["特大箱 60", "小箱 30", "中箱 45"], buy.Options.Select(o => $"{o.Name} {o.Price}"));
        Assert.Equal(5, buy.OptionOf(3)!.Capacity);
        Assert.Equal(90m, buy.AmountOf(buy.Find(Alice.UserId, 2)!));
    }

    [Fact]
    public void Options_replace_the_price_only_before_anyone_signed_up()
    {
        var buy = GroupBuy.CreateDraft(ChatId, null, 1, Alice, Now);
        buy.SetTitle("Oranges");
        buy.SetPrice(60, "CNY");
        buy.SetMinUnits(2);
        buy.SetDeadline(Now.AddDays(1));
        buy.Open(Now);
        buy.Join(Bob, 1, null, Now);

        var problem = GroupBuyFieldInput.TryApply(buy, GroupBuyField.Price, "Large 60, Small 35", Context(English, Alice), Now);

        Assert.Contains("before anyone signs up", problem, StringComparison.Ordinal);
        Assert.False(buy.HasOptions);
        Assert.Equal(60, buy.UnitPrice);
    }

    [Theory]
    [InlineData("大箱两份", "1:2")]
    [InlineData("我也要大箱两份，小箱一份", "1:2,2:1")]
    [InlineData("1 small 1 large", "2:1,1:1")]
    [InlineData("2 larges please", "1:2")]
    [InlineData("小箱", "2:-")]
    [InlineData("自提点在哪", "")]
    public void Option_names_and_their_quantities_are_found_in_a_members_words(string text, string expected)
    {
        var options = Buy("大箱 Large 60, 小箱 Small 35").Options;
        var mentions = OptionMentions.Find(text, options);
        Assert.Equal(expected, string.Join(',', mentions.Select(m => $"{m.Option}:{m.Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}")));
    }

    [Theory]
    [InlineData("+1 Sunday", "2:1")]
    [InlineData("周六的2个名额", "1:2")]
    [InlineData("2 for Saturday, 1 for Sunday", "1:2,2:1")]
    public void Sessions_are_named_by_a_word_of_theirs_no_other_session_has(string text, string expected)
    {
        var options = Buy("Saturday 周六 10:00 80, Sunday 周日 14:00 80").Options;
        Assert.Equal(expected, string.Join(',', OptionMentions.Find(text, options).Select(m => $"{m.Option}:{m.Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}")));
    }

    [Fact]
    public void The_longer_name_wins_where_one_name_contains_another()
    {
        var options = Buy("大箱 60, 特大箱 90").Options;
        Assert.Equal(2, Assert.Single(OptionMentions.Find("特大箱1份", options)).Option);
    }

    [Fact]
    public async Task A_join_that_names_an_option_applies_to_it_and_one_that_names_none_is_asked_about_and_changes_nothing()
    {
        var (handler, buy) = Handler("大箱 60, 小箱 35");

        var named = await handler.Join(Context(Chinese, Alice, 1), "2 小箱", CancellationToken.None);
        Assert.Equal("Alice 报名 2 份 · 小箱。", named.Reply);
        await handler.Join(Context(Chinese, Carol, 5), "大箱 1 少冰", CancellationToken.None);
        Assert.Equal((1, "少冰"), (buy.Find(Carol.UserId, 1)!.Quantity, buy.Find(Carol.UserId, 1)!.Note)); // the option's name is not kept as a note

        var unnamed = await handler.Join(Context(Chinese, Bob, 2), "3", CancellationToken.None);
        Assert.StartsWith("Bob，要 #1 的哪一项？", unnamed.Reply, StringComparison.Ordinal);
        Assert.Equal(["大箱 ×3", "小箱 ×3"], unnamed.Buttons!.Select(row => row.Single().Text));
        Assert.Empty(buy.SignUpsOf(Bob.UserId));

        // The answer's button carries what was asked: 3 of that option.
        var tapped = ListButtons.Request(Parse(unnamed.Buttons![0][0].Data))!;
        await handler.Apply(Context(Chinese, Bob, 3), buy.Id, tapped, asToast: true, CancellationToken.None);
        Assert.Equal(3, buy.Find(Bob.UserId, 1)!.Quantity);
    }

    [Fact]
    public async Task A_reply_naming_two_options_signs_up_for_both_and_a_plus_one_goes_to_the_members_only_option()
    {
        var (handler, buy) = Handler("Large box 60, Small box 35");

        var reading = SignUpReplyParser.Parse("1 small 1 large");
        var request = SignUpHandler.RequestOf(reading, "1 small 1 large", buy.Options)!;
        Assert.Null(SignUpHandler.RequestOf(SignUpReplyParser.Parse("is the large box 2 kg?"), "is the large box 2 kg?", buy.Options));
        await handler.Apply(Context(English, Alice, 1), buy.Id, request, asToast: false, CancellationToken.None);
        Assert.Equal([(1, 1), (2, 1)], buy.SignUpsOf(Alice.UserId).Select(s => (s.Option, s.Quantity)));

        await handler.Join(Context(English, Bob, 2), "large", CancellationToken.None);
        var plusOne = await handler.Apply(Context(English, Bob, 3), buy.Id, SignUpHandler.RequestOf(SignUpReplyParser.Parse("+1"), "+1")!, asToast: false, CancellationToken.None);
        Assert.Equal("Bob now has 2 units · Large box.", plusOne.Reply);
        Assert.Equal(2, buy.Find(Bob.UserId, 1)!.Quantity);
    }

    [Fact]
    public void The_list_groups_members_by_option_with_each_options_price_places_and_what_it_still_needs()
    {
        var buy = Buy("Sat 10:00 80 max 10, Sun 14:00 90 max 10", min: "3 each");
        buy.Join(Alice, 2, null, Now, option: 1);
        buy.Join(Bob, 1, null, Now, option: 2);

        var text = GroupBuyListText.Render(buy, English);

        Assert.Contains("Minimum to form: 3 units in each option", text, StringComparison.Ordinal);
        Assert.Contains("<b>Sat 10:00</b> — ¥80 · 2/10 places · 1 more to form\n1. Alice ×2", text, StringComparison.Ordinal);
        Assert.Contains("<b>Sun 14:00</b> — ¥90 · 1/10 places · 2 more to form\n1. Bob ×1", text, StringComparison.Ordinal);
        Assert.Contains("Total: 3 units from 2 members, ¥250", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_the_order_the_confirmation_and_the_export_are_per_option()
    {
        var buy = Buy("大箱 60, 小箱 35", min: "2", chat: Chinese);
        buy.Join(Alice, 1, null, Now, option: 1);
        buy.Join(Alice, 2, null, Now, option: 2);
        buy.Join(Bob, 1, "少冰", Now, option: 1);
        Assert.True(buy.Close(Now));

        var summary = ClosingSummary.ForGroup(Context(Chinese, Alice), buy, "成团");
        Assert.Contains("<b>大箱</b>：2 份 × ¥60 = ¥120", summary, StringComparison.Ordinal);
        Assert.Contains("<b>小箱</b>：2 份 × ¥35 = ¥70", summary, StringComparison.Ordinal);
        Assert.Contains("合计：4 份，共 ¥190", summary, StringComparison.Ordinal);

        var order = SupplierOrderHandler.OrderText(buy, Chinese, new Supplier { Name = "果园" });
        Assert.Contains("<b>大箱</b>：2 份 × ¥60，共 ¥120\n• Alice ×1\n• Bob ×1 — 少冰", order, StringComparison.Ordinal);

        var round = ClosingSummary.Round(Context(Chinese, Alice), buy, summary, null);
        var alices = Assert.Single(round.Messages, m => m.UserId == Alice.UserId); // one message for her two options
        Assert.Contains("大箱 ×1 (¥60), 小箱 ×2 (¥70)，共 ¥130", alices.Text, StringComparison.Ordinal);

        var csv = System.Text.Encoding.UTF8.GetString(SignUpsCsv.Build(buy));
        Assert.EndsWith("option,pickup,group", csv.Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Contains(",active,,35,70,", csv, StringComparison.Ordinal);
        Assert.Contains(",小箱,,\r\n", csv, StringComparison.Ordinal);
    }

    private static (SignUpHandler, GroupBuy) Handler(string options)
    {
        var store = new InMemoryGroupBuyStore();
        var buy = store.Add(Buy(options));
        return (new SignUpHandler(store, new BuyLocator(store), Clock.Fake()), buy);
    }

    private static CallbackData Parse(string data)
    {
        Assert.True(CallbackData.TryParse(data, out var parsed));
        return parsed;
    }
}
