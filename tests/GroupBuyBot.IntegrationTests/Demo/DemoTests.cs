using GroupBuyBot.Core.Localization;
using GroupBuyBot.Demo;
using GroupBuyBot.Modes;
using static GroupBuyBot.Playground.PlaygroundGroup;

namespace GroupBuyBot.IntegrationTests.Demo;

/// <summary><c>dotnet run -- demo</c>: the scripted story plays end to end, and a story that goes wrong fails the run.</summary>
public class DemoTests
{
    [Theory]
    [InlineData("zh", "💡 看起来有 3 位群友想要", "已截单，成团！共 4 份，单价 ¥60", "✅ 赣南果园 已接下 #1", "Carol 报名 2 份。")]
    [InlineData("en", "💡 It sounds like 3 of you want", "is closed and formed (成团): 4 units at ¥60 each", "✅ Gannan Orchard accepted the order of group buy #1", "Carol signed up for 2 units.")]
    public async Task The_story_completes_in_either_language_and_exits_0(string language, string suggestion, string closedAtDeadline, string accepted, string carolConfirmed)
    {
        using var transcript = new StringWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var exitCode = await DemoMode.Run(["demo", "--lang", language], transcript);

        var text = transcript.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Contains($"✓ All {DemoStory.Steps(DemoScript.For(LanguageExtensions.Parse(language)!.Value)).Count} steps happened as expected.", text);
        Assert.Contains(suggestion, text);
        Assert.DoesNotContain("/newbuy", text); // the buy comes from the suggestion, not a command
        Assert.Contains(carolConfirmed, text);
        Assert.Contains("Erin ×2", text);
        Assert.Contains("72 hours pass", text);
        Assert.DoesNotContain("/close", text); // the deadline closes it, not the organizer
        Assert.Contains(closedAtDeadline, text);
        Assert.Contains("[private chat with " + DemoScript.For(LanguageExtensions.Parse(language)!.Value).Supplier.FirstName + "] #", text);
        Assert.Contains(accepted, text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the demo took {clock.Elapsed.TotalSeconds:0} s");
    }

    [Theory]
    [InlineData("zh", "Bob ×1", "Erin，要 #1 的哪一项？", "周日14点：2 份 × ¥90 = ¥180")]
    [InlineData("en", "Bob ×1", "Erin, which option of #1?", "Sun 14:00: 2 units × ¥90 = ¥180")]
    public async Task The_options_story_completes_in_either_language_and_exits_0(string language, string bob, string asked, string sunday)
    {
        using var transcript = new StringWriter();

        var exitCode = await DemoMode.Run(["demo", "--story", "options-payments", "--lang", language], transcript);

        var text = transcript.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Contains($"✓ All {OptionsDemoStory.Steps(LanguageExtensions.Parse(language)!.Value).Count} steps happened as expected.", text);
        Assert.Contains(bob, text);
        Assert.Contains(asked, text);
        Assert.Contains(sunday, text);
    }

    [Theory]
    [InlineData("zh", "枫林巷业主群：3 份，2 人，¥180", "合计 6 人")]
    [InlineData("en", "Maple Lane neighbours: 3 units from 2 members, ¥180", "6 together")]
    public async Task The_pooling_story_completes_in_either_language_and_exits_0(string language, string subtotal, string together)
    {
        using var transcript = new StringWriter();

        var exitCode = await DemoMode.Run(["demo", "--story", "pooling", "--lang", language], transcript);

        var text = transcript.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Contains($"✓ All {PoolingDemoStory.Steps(DemoScript.For(LanguageExtensions.Parse(language)!.Value)).Count} steps happened as expected.", text);
        Assert.Contains(subtotal, text);
        Assert.Contains(together, text);
    }

    [Fact]
    public async Task A_step_the_bot_does_not_live_up_to_fails_the_run_with_the_reason()
    {
        using var transcript = new StringWriter();
        DemoStep[] steps =
        [
            new("Alice greets the group", demo =>
            {
                demo.Say(Alice, "good morning everyone");
                return Task.CompletedTask;
            }),
            new("Bob chats, expecting an answer that never comes", async demo =>
                await demo.ReplyTo(demo.Say(Bob, "nice weather today"), "a reply to small talk")),
            new("Never played", _ => throw new InvalidOperationException("steps after a failure must not run")),
        ];

        var exitCode = await DemoRunner.Run(Language.En, steps, transcript, patience: TimeSpan.FromSeconds(2));

        var text = transcript.ToString();
        Assert.Equal(1, exitCode);
        Assert.True(text.Contains("✗ Step 2 failed: Expected a reply to small talk within 2 s", StringComparison.Ordinal), text);
        Assert.Contains("#1 Alice: good morning everyone", text);
        Assert.DoesNotContain("Never played", text);
    }

    [Theory]
    [InlineData("demo", "--lang", "fr")]
    [InlineData("demo", "--lang")]
    [InlineData("demo", "extra")]
    [InlineData("demo", "--story", "payments")]
    public async Task Bad_arguments_print_the_usage_and_exit_2(params string[] args)
    {
        using var transcript = new StringWriter();
        Assert.Equal(2, await DemoMode.Run(args, transcript));
    }
}
