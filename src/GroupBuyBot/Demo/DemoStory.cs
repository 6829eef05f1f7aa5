using System.Text.RegularExpressions;
using GroupBuyBot.BotApiEmulator.Models;
using static GroupBuyBot.Playground.PlaygroundGroup;

namespace GroupBuyBot.Demo;

/// <summary>
/// The demo's story, step by step: a need comes up in the chat and the bot suggests a group buy, Alice starts it,
/// members join every way they can, the orchard becomes its supplier, the deadline passes and the bot closes the
/// buy by itself, and the orchard accepts the order. Every step waits for what the bot should do.
/// </summary>
public static partial class DemoStory
{
    /// <summary>Three days to sign up: what the bot drafts from a suggestion (<c>EmbeddedGroupBuyProposer</c>).</summary>
    private static readonly TimeSpan SignUpPeriod = TimeSpan.FromDays(3);

    public static IReadOnlyList<DemoStep> Steps(DemoScript script)
    {
        MessageHolder suggestion = new();
        return
        [
            new("Neighbours chat; a shared need comes up", demo =>
            {
                var question = demo.Say(Bob, script.Chatter[0]);
                demo.Say(Carol, script.Chatter[1], question.MessageId);
                demo.Say(Dave, script.Chatter[2], question.MessageId);
                return Task.CompletedTask;
            }),

            new("The bot notices the shared need and suggests a group buy", async demo =>
            {
                suggestion.Message = await demo.BotSays(m => m.Text is { } text && text.StartsWith("💡", StringComparison.Ordinal)
                    && new[] { "Bob", "Carol", "Dave" }.All(name => text.Contains(name, StringComparison.Ordinal))
                    && m.Buttons.SelectMany(row => row).Any(b => b.Text == demo.Text("ButtonStartBuy")), "a suggestion naming Bob, Carol and Dave, with a Start button");
            }),

            new("Alice, an administrator, taps “Start a group buy” and answers the draft's question by reply", async demo =>
            {
                await demo.Tap(Alice, suggestion.Message!, demo.Text("ButtonStartBuy"));
                var askPrice = demo.Text("AskPrice", demo.Text("DefaultUnit")).Split('?', '？')[0];
                var question = await demo.BotSays(m => m.MessageId > suggestion.Message!.MessageId && m.Text?.Contains(askPrice, StringComparison.Ordinal) == true,
                    "the draft asking Alice for the price");
                demo.Say(Alice, script.Price, question.MessageId);
                var list = await demo.WaitForList(m => m.Text!.Contains(script.Item, StringComparison.OrdinalIgnoreCase) && m.Buttons.Count > 0, "the live list with its buttons");
                if (!list.Buttons[0].Any(b => b.Text == demo.Text("ButtonJoin"))) throw new DemoExpectationException("The live list has no Join button.");
            }),

            new("Alice tidies the draft: a short title, and 5 places (all the orchard can pick this week)", async demo =>
            {
                await demo.ReplyTo(demo.Say(Alice, $"/edit title {script.Title}"), "the bot's confirmation of the title");
                await demo.ReplyTo(demo.Say(Alice, "/edit capacity 5"), "the bot's confirmation of the places");
                await demo.WaitForList(m => m.Text!.Contains(script.Title, StringComparison.Ordinal) && m.Text.Contains(demo.Text("ListCapacity", 5, 5), StringComparison.Ordinal),
                    "the new title and the 5 places on the live list");
            }),

            new("Bob joins with the Join button", async demo =>
            {
                await demo.TapOnList(Bob, demo.Text("ButtonJoin"));
                await demo.WaitForList(m => m.Text!.Contains("Bob", StringComparison.Ordinal), "Bob on the live list");
            }),

            new("Carol joins for 2 by replying to the list; the minimum of 3 is reached", async demo =>
            {
                await demo.ReplyTo(demo.ReplyToList(Carol, script.CarolReply), "the bot's confirmation to Carol");
                await demo.WaitForList(m => m.Text!.Contains("Carol ×2", StringComparison.Ordinal) && m.Text.Contains(demo.Text("ListFormedReached"), StringComparison.Ordinal),
                    "Carol ×2 on the live list and the minimum reached");
            }),

            new("Dave replies “+1”", async demo =>
            {
                await demo.ReplyTo(demo.ReplyToList(Dave, script.DaveReply), "the bot's confirmation to Dave");
                await demo.WaitForList(m => m.Text!.Contains("Dave ×1", StringComparison.Ordinal), "Dave on the live list");
            }),

            new("Erin asks for 2 with /join, but only 1 place is left: she waits", async demo =>
            {
                await demo.ReplyTo(demo.Say(Erin, script.ErinCommand), "the bot's answer to Erin");
                await demo.WaitForList(m => m.Text!.Contains(demo.Text("ListWaitlist"), StringComparison.Ordinal) && m.Text.Contains("Erin ×2", StringComparison.Ordinal),
                    "Erin on the waiting list");
            }),

            new("Alice invites the orchard as a supplier; it opens the link in a private chat with the bot", async demo =>
            {
                demo.Meet(script.Supplier);
                var invite = await demo.ReplyTo(demo.Say(Alice, "/supplier invite"), "the invite link");
                var code = InviteCode().Match(invite.Text ?? "");
                if (!code.Success) throw new DemoExpectationException("The invite has no t.me link with a start code.");
                var welcome = await demo.StartPrivateChat(script.Supplier, code.Groups[1].Value);
                if (welcome.Text?.Contains(script.GroupTitle, StringComparison.Ordinal) != true) throw new DemoExpectationException("The supplier was not welcomed as a supplier of the group.");
            }),

            new("Alice makes the orchard the supplier of the buy", async demo =>
            {
                var assigned = await demo.ReplyTo(demo.Say(Alice, $"/supplier set @{script.Supplier.Username}"), "the bot's confirmation of the supplier");
                if (assigned.Text?.Contains(script.Supplier.FirstName, StringComparison.Ordinal) != true) throw new DemoExpectationException("The bot did not confirm the orchard as the supplier.");
            }),

            new("Three days pass: at the deadline the bot closes the buy by itself, formed", async demo =>
            {
                await demo.AdvanceTime(SignUpPeriod + TimeSpan.FromMinutes(1));
                await demo.WaitForList(m => m.Text!.Contains(demo.Text("ListStatusFormed"), StringComparison.Ordinal) && m.Buttons.Count == 0,
                    "the list marked formed, without buttons");
            }),

            new("The orchard gets the order in its private chat and taps Accept; the group hears it", async demo =>
            {
                var order = await demo.BotSaysPrivately(script.Supplier, m => m.Text?.StartsWith("📦", StringComparison.Ordinal) == true, "the order in the orchard's private chat");
                await demo.Tap(script.Supplier, order, demo.Text("OrderAccept"));
                await demo.BotSays(m => m.Text is { } text && text.StartsWith('✅') && text.Contains(script.Supplier.FirstName, StringComparison.Ordinal),
                    "the orchard's acceptance in the group");
            }),
        ];
    }

    [GeneratedRegex(@"start=([A-Za-z0-9_-]+)")]
    private static partial Regex InviteCode();

    /// <summary>Carries a message one step found (the suggestion) to a later step.</summary>
    private sealed class MessageHolder
    {
        public EmulatedMessage? Message { get; set; }
    }
}
