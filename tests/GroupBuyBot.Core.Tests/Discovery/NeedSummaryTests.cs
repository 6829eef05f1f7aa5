using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Discovery.Proposals;
using GroupBuyBot.Core.Localization;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>Without a model, the need is named by what is wanted, not by the first message copied.</summary>
public sealed class NeedSummaryTests
{
    [Theory]
    [InlineData("周末有没有人想带娃去做陶艺?万达三楼那家工作室说满20组家庭可以包场", "周末带娃去做陶艺")]
    [InlineData("有人知道哪里能请人上门清洗空调吗?我家的空调一开就有味道", "上门清洗空调")]
    [InlineData("有没有人想一起团点大闸蟹?", "大闸蟹")]
    [InlineData("天热起来了,我想约个油烟机清洗,有一起的吗", "油烟机清洗")]
    [InlineData("我想给爸妈约个体检,有没有一起的?", "给爸妈约个体检")]
    [InlineData("想团点砂糖橘,有没有一起的?", "砂糖橘")]
    [InlineData("下周音乐节 有人要揪团吗", "下周音乐节")]
    [InlineData("山东的樱桃今年特别大,有人想一起团一箱吗?", "山东的樱桃")]
    // The thing in the clause before a referential asking, without whose it is or how good it is.
    [InlineData("我表哥果园的赣南脐橙到货了,5斤一箱,有要的吗?", "赣南脐橙")]
    [InlineData("元宵快到了,我邻居阿姨包的芝麻汤圆特别香,大家要不要一起订?", "芝麻汤圆")]
    [InlineData("老家的土蜂蜜今年下来了,有需要的话说一声", "土蜂蜜")]
    // The asking in the middle, the booking verb before the thing, Cantonese and mixed phrasing.
    [InlineData("你们有没有人要订鲜奶?楼下奶站说满十户可以每天送", "鲜奶")]
    [InlineData("下学期有没有人想一起报围棋班的", "下学期报围棋班")]
    [InlineData("有冇人想夹埋买榴莲?", "榴莲")]
    [InlineData("有没有人对亲子瑜伽 interested?", "亲子瑜伽")]
    [InlineData("Yo, anyone want to book a carpet clean before Christmas?", "a carpet clean before Christmas")]
    [InlineData("Eh anyone keen to split a crate of mangoes?", "a crate of mangoes")]
    [InlineData("有没有人一起拼一单?", "有没有人一起拼一单?")] // no thing named anywhere: the text stands
    [InlineData("Anyone want to take the kids to a pottery class this weekend?", "take the kids to a pottery class this weekend")]
    [InlineData("Does anyone know a good Mandarin tutor for kids? I'd like to set up a small group class", "a good Mandarin tutor for kids")]
    [InlineData("Hi all! I'm looking for someone to clean the windows on our row, anyone?", "someone to clean the windows on our row")]
    [InlineData("Would anyone be up for a bulk order of coffee beans?", "a bulk order of coffee beans")]
    [InlineData("Who's in for a durian run on Saturday?", "a durian run on Saturday")]
    // Greetings and the people addressed are not the thing, nor is the season, an amount alone or a bare "reply".
    [InlineData("各位邻居,我老家的砀山酥梨熟了,5斤一箱,有没有想一起拼的?", "砀山酥梨")]
    [InlineData("早上好各位,朋友家的赣南脐橙到货了,有要的吗", "赣南脐橙")]
    [InlineData("姐妹们 有没有人想一起团纸尿裤", "纸尿裤")]
    [InlineData("顺便问一下楼下那家洗衣店的包月", "楼下那家洗衣店的包月")]
    [InlineData("Hi parents, 有人想一起报网球课吗?", "网球课")]
    [InlineData("Hi all, Diwali coming. My uncle can do kaju katli boxes, $20 each if we take 10. Anyone keen?", "My uncle can do kaju katli boxes, $20 each if we take 10")]
    [InlineData("There's a coach who runs small groups of 4, $30 each. Would you want to go in on it?", "There's a coach who runs small groups of 4, $30 each")]
    [InlineData("The farm does free delivery over 30kg. I need about 10kg. Anyone want to pool an order?", "The farm does free delivery over 30kg")]
    [InlineData("新疆的阿克苏苹果下来了, 10斤一箱 ¥90, 要的说一声", "新疆的阿克苏苹果")]
    [InlineData("中秋快到了,我同学做的流心月饼,有人一起订吗", "流心月饼")]
    public void The_summary_names_the_wanted_thing(string seed, string expected)
    {
        Assert.Equal(expected, NeedSummary.Of(seed));
    }

    [Theory]
    [InlineData("+1")]
    [InlineData("有没有人?")]
    [InlineData("")]
    public void With_nothing_left_after_the_asking_the_text_stands(string seed)
    {
        Assert.Equal(seed.Trim('?'), NeedSummary.Of(seed).Trim('?'));
    }

    [Fact]
    public void A_long_want_is_cut_and_never_splits_an_emoji()
    {
        var summary = NeedSummary.Of("我想找" + new string('长', NeedSummary.MaxLength - 3) + "😀的东西");

        Assert.True(summary.Length <= NeedSummary.MaxLength + 1);
        Assert.EndsWith("…", summary);
        Assert.False(char.IsHighSurrogate(summary[^2]));
    }

    [Fact]
    public void The_embedded_suggestion_and_the_draft_title_read_as_the_wanted_thing()
    {
        var at = DateTimeOffset.UnixEpoch;
        ChatMessage[] window =
        [
            new(1, 1, "王妈妈", at, "周末有没有人想带娃去做陶艺?万达三楼那家工作室说满20组家庭可以包场", null),
            new(2, 2, "朵朵妈", at, "我家想去!朵朵念叨好久了", 1),
            new(3, 3, "乐乐爸", at, "+1 我们家也去", 1),
        ];

        var need = Assert.Single(EmbeddedNeedExtractor.Extract(window));
        var board = new List<BoardNeed>();
        NeedBoard.Merge(board, -1, window, [need], at);

        Assert.Equal("周末带娃去做陶艺", need.Summary);
        Assert.Contains("想要<b>周末带娃去做陶艺</b>", NeedSuggestionText.Render(board[0], Language.Zh));
        Assert.Equal("周末带娃去做陶艺", EmbeddedGroupBuyProposer.Default(new ProposalRequest(-1, need.Summary, 3)).Title);
    }

    [Fact]
    public void The_english_suggestion_reads_with_a_verb_phrase_or_a_noun()
    {
        var need = new BoardNeed { Summary = NeedSummary.Of("Anyone want to take the kids to a pottery class this weekend?") };
        need.Members.AddRange([new BoardMember(1, "Wang", [1], DateTimeOffset.UnixEpoch), new BoardMember(2, "Lily", [2], DateTimeOffset.UnixEpoch)]);

        var text = NeedSuggestionText.Render(need, Language.En);

        Assert.StartsWith("💡 It sounds like 2 of you want the same thing: <b>take the kids to a pottery class this weekend</b> (", text);
    }
}
