using System.Text.RegularExpressions;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.Core.Localization;
using static GroupBuyBot.Playground.PlaygroundGroup;

namespace GroupBuyBot.Demo;

/// <summary>
/// <c>demo --story pooling</c>: the next street's group (Frank administers it) links with Alice's. Both groups want the
/// same oranges; the bot tells Alice and Frank privately that together they are six. Alice opens a buy of six boxes and
/// shares it: members of both groups fill it, with one waiting list across them; each group's list names only its own
/// members. At the deadline the orchard gets one order with a subtotal per group.
/// </summary>
public static partial class PoolingDemoStory
{
    private const long Lane = -1002;
    private static readonly EmulatedUser Frank = new(7, "Frank", Username: "frank");
    private static readonly EmulatedUser Grace = new(8, "Grace", Username: "grace");
    private static readonly EmulatedUser Heidi = new(9, "Heidi", Username: "heidi");

    public static IReadOnlyList<DemoStep> Steps(DemoScript script)
    {
        var code = "";
        var laneTitle = script.GroupTitle.Any(c => c > 0x2E80) ? "枫林巷业主群" : "Maple Lane neighbours";
        EmulatedMessage? laneList = null;
        return
        [
            new("Alice asks to link her group with the next street's", async demo =>
            {
                demo.OpenGroup(Lane, laneTitle, Frank, [Grace, Heidi]);
                var invite = await demo.ReplyTo(demo.Say(Alice, "/link"), "the link code");
                code = LinkCode().Match(invite.Text ?? "") is { Success: true } found ? found.Groups[1].Value : throw new DemoExpectationException("The invitation has no /link code.");
            }),

            new("Frank, an administrator there, confirms with the code; both groups hear it", async demo =>
            {
                await demo.StartPrivateChat(Alice);
                await demo.StartPrivateChat(Frank);
                demo.SayIn(Lane, Frank, $"/link {code}");
                await demo.BotSaysIn(Lane, m => m.Text?.Contains(script.GroupTitle, StringComparison.Ordinal) == true && m.Text.StartsWith("🔗", StringComparison.Ordinal), "the link confirmed there");
                await demo.BotSays(m => m.Text?.StartsWith("🔗", StringComparison.Ordinal) == true && m.Text.Contains(laneTitle, StringComparison.Ordinal), "the link confirmed in Alice's group");
            }),

            new("Both groups talk about the same oranges; the bot notices the need in each", async demo =>
            {
                var question = demo.Say(Bob, script.Chatter[0]);
                demo.Say(Carol, script.Chatter[1], question.MessageId);
                demo.Say(Dave, script.Chatter[2], question.MessageId);
                var there = demo.SayIn(Lane, Frank, script.Chatter[0]);
                demo.SayIn(Lane, Grace, script.Chatter[1], there.MessageId);
                demo.SayIn(Lane, Heidi, script.Chatter[2], there.MessageId);
                await demo.BotSays(m => m.Text?.StartsWith("💡", StringComparison.Ordinal) == true, "the suggestion in Alice's group");
                await demo.BotSaysIn(Lane, m => m.Text?.StartsWith("💡", StringComparison.Ordinal) == true, "the suggestion in Frank's group");
            }),

            new("A minute later Alice and Frank hear privately that together they are six; neither group is told", async demo =>
            {
                await demo.AdvanceTime(TimeSpan.FromMinutes(2));
                foreach (var organizer in new[] { Alice, Frank })
                {
                    var pooled = await demo.BotSaysPrivately(organizer, m => m.Text?.StartsWith("🤝", StringComparison.Ordinal) == true, $"the pooling suggestion to {organizer.FirstName}");
                    if (!pooled.Text!.Contains('6')) throw new DemoExpectationException("The pooling suggestion does not give the combined count of 6.");
                }
            }),

            new("Alice opens a buy of 6 boxes and shares it with the linked group", async demo =>
            {
                demo.Say(Alice, $"/newbuy {script.Title} | {script.Price} | 4 | 3d | 6");
                await demo.WaitForList(m => m.Buttons.Count > 0, "the live list");
                await demo.ReplyTo(demo.Say(Alice, "/share"), "the bot's confirmation of the share");
                laneList = await demo.BotSaysIn(Lane, m => m.Text?.StartsWith("🛒", StringComparison.Ordinal) == true && m.Buttons.Count > 0, "the shared list in Frank's group");
            }),

            new("Members of both groups sign up: the 6 places fill across them and Dave waits", async demo =>
            {
                await demo.TapOnList(Bob, demo.Text("ButtonJoin"));
                await demo.ReplyTo(demo.ReplyToList(Carol, script.CarolReply), "the bot's confirmation to Carol");
                await demo.Tap(Grace, laneList!, demo.Text("ButtonJoin"));
                var heidi = demo.SayIn(Lane, Heidi, "/join 2");
                await demo.BotSaysIn(Lane, m => m.ReplyToMessageId == heidi.MessageId, "the bot's answer to Heidi");
                await demo.ReplyTo(demo.ReplyToList(Dave, script.DaveReply), "the bot's answer to Dave");
                await demo.WaitForList(m => m.Text!.Contains("Dave", StringComparison.Ordinal) && m.Text.Contains(demo.Text("ListWaitlist"), StringComparison.Ordinal),
                    "Dave waiting on Alice's list");
            }),

            new("Each group's list names its own members and shows the other as a total", async demo =>
            {
                var home = await demo.WaitForList(m => m.Text!.Contains(demo.Text("ListByGroup", demo.Text("ListGroupUnits", script.GroupTitle, 3) + " · " + demo.Text("ListGroupUnits", laneTitle, 3)), StringComparison.Ordinal), "the totals by group on Alice's list");
                var lane = await demo.BotSaysIn(Lane, m => m.MessageId == laneList!.MessageId && m.Text!.Contains("Heidi", StringComparison.Ordinal), "Heidi on Frank's group's list");
                if (home.Text!.Contains("Heidi", StringComparison.Ordinal) || lane.Text!.Contains("Carol", StringComparison.Ordinal))
                {
                    throw new DemoExpectationException("A group's list names a member of the other group.");
                }
            }),

            new("Alice invites the orchard and makes it the supplier", async demo =>
            {
                demo.Meet(script.Supplier);
                var invite = await demo.ReplyTo(demo.Say(Alice, "/supplier invite"), "the invite link");
                var start = SupplierStart().Match(invite.Text ?? "");
                if (!start.Success) throw new DemoExpectationException("The invite has no t.me link with a start code.");
                await demo.StartPrivateChat(script.Supplier, start.Groups[1].Value);
                await demo.ReplyTo(demo.Say(Alice, $"/supplier set @{script.Supplier.Username}"), "the bot's confirmation of the supplier");
            }),

            new("Three days pass: the orchard gets one order with a subtotal per group", async demo =>
            {
                await demo.AdvanceTime(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
                var order = await demo.BotSaysPrivately(script.Supplier, m => m.Text?.StartsWith("📦", StringComparison.Ordinal) == true, "the order in the orchard's private chat");
                if (!order.Text!.Contains(Texts.Get(demo.Language, "OrderByGroup").Replace("<b>", "", StringComparison.Ordinal).Replace("</b>", "", StringComparison.Ordinal), StringComparison.Ordinal)
                    || !order.Text.Contains(laneTitle, StringComparison.Ordinal))
                {
                    throw new DemoExpectationException("The order has no subtotal per group.");
                }
            }),
        ];
    }

    [GeneratedRegex(@"/link ([A-Z0-9]{6})")]
    private static partial Regex LinkCode();

    [GeneratedRegex(@"start=([A-Za-z0-9_-]+)")]
    private static partial Regex SupplierStart();
}
