using GroupBuyBot.Core.Localization;

namespace GroupBuyBot.Demo;

/// <summary>What the members say in the demo, in one language.</summary>
public sealed record DemoScript(
    string GroupTitle,
    IReadOnlyList<string> Chatter,
    string NewBuy,
    string Item,
    string CarolReply,
    string DaveReply,
    string ErinCommand)
{
    public static DemoScript For(Language language) => language == Language.Zh ? Chinese : English;

    private static readonly DemoScript Chinese = new(
        GroupTitle: "阳光花园业主群",
        Chatter:
        [
            "这周的赣南脐橙好甜，有人想一起买一箱吗？",
            "我也想要！上次那家的很新鲜",
            "算我一个，孩子爱吃",
        ],
        NewBuy: "/newbuy 赣南脐橙 | 60 | 4 | 2d | 5",
        Item: "赣南脐橙",
        CarolReply: "我也要两份",
        DaveReply: "+1",
        ErinCommand: "/join 2 要大果");

    private static readonly DemoScript English = new(
        GroupTitle: "Sunny Garden neighbours",
        Chatter:
        [
            "The Gannan navel oranges are so sweet this week, anyone want to share a box?",
            "I'd want some too! The last ones from that farm were great",
            "Count me in, the kids love them",
        ],
        NewBuy: "/newbuy Navel oranges | 60 | 4 | 2d | 5",
        Item: "Navel oranges",
        CarolReply: "put me down for 2",
        DaveReply: "+1",
        ErinCommand: "/join 2 large ones");
}
