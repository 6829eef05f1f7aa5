using GroupBuyBot.Core.Localization;
using GroupBuyBot.Playground;

namespace GroupBuyBot.Demo;

/// <summary>Plays steps against a fresh playground and prints the transcript; 0 when every step happened as expected.</summary>
public static class DemoRunner
{
    public static async Task<int> Run(Language language, IReadOnlyList<DemoStep> steps, TextWriter output, TimeSpan patience)
    {
        var script = DemoScript.For(language);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "groupbuybot-demo", Guid.NewGuid().ToString("N"));
        var playground = PlaygroundApp.Create([], new PlaygroundSettings
        {
            DataDirectory = dataDirectory,
            GroupTitle = script.GroupTitle,
            ChatLanguage = language.Code(),
            Quiet = true,
            Overrides = new Dictionary<string, string?>
            {
                ["GroupBuyBot:Telegram:PollingTimeoutSeconds"] = "1",
                ["GroupBuyBot:Telegram:ListEditIntervalMs"] = "200",
                ["GroupBuyBot:Telegram:PerChatMessagesPerSecond"] = "100",
                ["GroupBuyBot:Telegram:PerChatBurst"] = "100",
                ["GroupBuyBot:Telegram:PerGroupMessagesPerMinute"] = "10000",
                // The bot reads the chat for needs once it has been quiet this long: short, so the story moves on.
                ["GroupBuyBot:Discovery:BatchQuietMilliseconds"] = "300",
                ["GroupBuyBot:Discovery:SharedCallWaitMilliseconds"] = "0", // with a model too: no wait for other chats' windows
                // The story jumps over the whole sign-up period at once: a reminder due in the same instant as the
                // deadline would race the close and make the transcript differ from run to run.
                ["GroupBuyBot:Scheduling:ReminderOffsets"] = "",
            },
        });
        try
        {
            await playground.StartAsync();
            var transcript = new DemoTranscript(playground.Telegram, output);
            var demo = new DemoContext(playground.Telegram, transcript, language, patience);
            transcript.Line($"GroupBuyBot demo ({language.Code()}): “{script.GroupTitle}”, Alice administers the group; Bob, Carol, Dave and Erin are members.");

            for (var i = 0; i < steps.Count; i++)
            {
                transcript.Heading(i + 1, steps[i].Title);
                try
                {
                    await steps[i].Play(demo);
                    await SettleAsync(playground);
                    transcript.Flush();
                }
                catch (DemoExpectationException failure)
                {
                    transcript.Flush();
                    transcript.Line($"\n✗ Step {i + 1} failed: {failure.Message}");
                    return 1;
                }
            }

            transcript.Line($"\n✓ All {steps.Count} steps happened as expected.");

            return 0;
        }
        finally
        {
            await playground.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TryDelete(dataDirectory);
        }
    }

    /// <summary>Lets the bot finish what the step set off (confirmations, the coalesced list edit) before printing.</summary>
    private static async Task SettleAsync(PlaygroundApp playground)
    {
        try
        {
            await playground.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
        }
        catch (TimeoutException)
        {
            // Printing a moment early is harmless: whatever comes later is printed after the next step.
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets it.
        }
    }
}
