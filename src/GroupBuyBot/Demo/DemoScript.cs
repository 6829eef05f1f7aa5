using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.Core.Localization;

namespace GroupBuyBot.Demo;

/// <summary>What the members (and the supplier) say in the demo, in one language.</summary>
/// <param name="Chatter">Bob's question, then Carol's and Dave's replies to it: the need the bot should notice.</param>
/// <param name="Item">A word the drafted buy's title (the noticed need) must contain.</param>
/// <param name="Title">The short title Alice gives the buy.</param>
/// <param name="Supplier">The orchard that supplies the buy; not a member of the group.</param>
public sealed record DemoScript(
    string GroupTitle,
    IReadOnlyList<string> Chatter,
    string Item,
    string Title,
    string Price,
    string CarolReply,
    string DaveReply,
    string ErinCommand,
    EmulatedUser Supplier)
{
    public static DemoScript For(Language language) => language == Language.Zh ? Chinese : English;

    private static readonly DemoScript Chinese = new(
        GroupTitle: "阳光花园业主群",
        Chatter:
        [
            "赣南脐橙这周特别甜，有人想一起团一箱吗？",
            "我也想要！上次那家的很新鲜",
            "算我一个，孩子爱吃",
        ],
        Item: "脐橙",
        Title: "赣南脐橙",
        Price: "60",
        CarolReply: "我也要两份",
        DaveReply: "+1",
        ErinCommand: "/join 2 要大果",
        Supplier: new EmulatedUser(6, "赣南果园", Username: "gannan_orchard"));

    private static readonly DemoScript English = new(
        GroupTitle: "Sunny Garden neighbours",
        Chatter:
        [
            "Gannan navel oranges, so sweet this week: anyone keen to split a box?",
            "I'd want some too! The last ones from that farm were great",
            "Count me in, the kids love them",
        ],
        Item: "orange",
        Title: "Navel oranges",
        Price: "60",
        CarolReply: "put me down for 2",
        DaveReply: "+1",
        ErinCommand: "/join 2 large ones",
        Supplier: new EmulatedUser(6, "Gannan Orchard", Username: "gannan_orchard"));
}
