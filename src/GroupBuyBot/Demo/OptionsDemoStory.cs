using GroupBuyBot.Core.Localization;
using static GroupBuyBot.Playground.PlaygroundGroup;

namespace GroupBuyBot.Demo;

/// <summary>
/// <c>demo --story options-payments</c>: a class with two sessions, each with its own places, waiting list and minimum.
/// Members sign up by button, by reply and by command naming a session; one who names none is asked and answers by
/// button; the close is summed up session by session. Then the money: Carol says she paid, Alice sees who has paid in
/// her private chat and confirms Carol there, and the group hears only that it is recorded.
/// </summary>
public static class OptionsDemoStory
{
    private sealed record Words(string NewBuy, string Saturday, string Sunday, string CarolReply, string DaveCommand, string CarolPaid);

    private static readonly Words Chinese = new("/newbuy 亲子陶艺课 | 周六10点 80 限3, 周日14点 90 限3 | 每场2 | 3d", "周六10点", "周日14点", "周六的2个名额", "/join 1 周六", "已转账，微信");
    private static readonly Words English = new("/newbuy Kids' pottery | Sat 10:00 80 max 3, Sun 14:00 90 max 3 | 2 each | 3d", "Sat 10:00", "Sun 14:00", "+2 sat", "/join 1 sat", "paid ✅ by PayNow");

    public static IReadOnlyList<DemoStep> Steps(Language language)
    {
        var words = language == Language.Zh ? Chinese : English;
        const string plusOne = "+1";
        return
        [
            new("Alice opens a class with two sessions of 3 places, 2 needed in each", async demo =>
            {
                demo.Say(Alice, words.NewBuy);
                await demo.WaitForList(m => m.Buttons.SelectMany(row => row).Select(b => b.Text).Contains($"{words.Sunday} {plusOne}"),
                    "the live list with a row of buttons per session");
            }),

            new("Bob taps Saturday's +1", async demo =>
            {
                await demo.TapOnList(Bob, $"{words.Saturday} {plusOne}");
                await demo.WaitForList(m => m.Text!.Contains("Bob ×1", StringComparison.Ordinal), "Bob under Saturday");
            }),

            new("Carol replies to the list for 2 places on Saturday: Saturday is full", async demo =>
            {
                await demo.ReplyTo(demo.ReplyToList(Carol, words.CarolReply), "the bot's confirmation to Carol");
                await demo.WaitForList(m => m.Text!.Contains("Carol ×2", StringComparison.Ordinal) && m.Text.Contains(demo.Text("ListOptionPlaces", 3, 3), StringComparison.Ordinal),
                    "Carol ×2 and Saturday's 3/3 places");
            }),

            new("Dave asks for Saturday too: he waits for it", async demo =>
            {
                await demo.ReplyTo(demo.Say(Dave, words.DaveCommand), "the bot's answer to Dave");
                await demo.WaitForList(m => m.Text!.Contains(demo.Text("ListWaitlist"), StringComparison.Ordinal) && m.Text.Contains("Dave ×1", StringComparison.Ordinal),
                    "Dave on Saturday's waiting list");
            }),

            new("Erin writes /join 2 without a session: the bot asks which, and she taps Sunday", async demo =>
            {
                var question = await demo.ReplyTo(demo.Say(Erin, "/join 2"), "the bot asking Erin which session");
                await demo.Tap(Erin, question, $"{words.Sunday} ×2");
                await demo.WaitForList(m => m.Text!.Contains("Erin ×2", StringComparison.Ordinal) && m.Text.Contains(demo.Text("ListOptionReached"), StringComparison.Ordinal),
                    "Erin ×2 under Sunday, Sunday formed");
            }),

            new("Alice closes: the summary goes session by session", async demo =>
            {
                var closed = await demo.ReplyTo(demo.Say(Alice, "/close"), "the closing summary");
                if (closed.Text is not { } text || !text.Contains(words.Saturday, StringComparison.Ordinal) || !text.Contains(words.Sunday, StringComparison.Ordinal)
                    || !text.Contains("¥420", StringComparison.Ordinal))
                {
                    throw new DemoExpectationException("The closing summary does not show both sessions and ¥420 in all.");
                }
            }),

            new("Carol says she paid, under the list: Alice is asked privately to confirm", async demo =>
            {
                await demo.StartPrivateChat(Alice);
                await demo.ReplyTo(demo.ReplyToList(Carol, words.CarolPaid), "the bot's thanks to Carol");
                await demo.BotSaysPrivately(Alice, m => m.Buttons.SelectMany(row => row).Any(b => b.Text.Contains("Carol", StringComparison.Ordinal)),
                    "Alice asked privately to confirm Carol's payment");
            }),

            new("Alice opens the payments privately and confirms Carol; the group sees only the count", async demo =>
            {
                await demo.ReplyTo(demo.Say(Alice, "/payments"), "the bot's word in the group that the payments are in Alice's private chat");
                var view = await demo.BotSaysPrivately(Alice, m => m.Text?.StartsWith("💰", StringComparison.Ordinal) == true && m.Buttons.Count > 0,
                    "the payments view in Alice's private chat");
                await demo.Tap(Alice, view, view.Buttons.SelectMany(row => row).First(b => b.Text.Contains("Carol", StringComparison.Ordinal)).Text);
                await demo.BotSaysPrivately(Alice, m => m.MessageId == view.MessageId && m.Text!.Contains("✅ Carol", StringComparison.Ordinal),
                    "the view showing Carol paid");
            }),
        ];
    }
}
