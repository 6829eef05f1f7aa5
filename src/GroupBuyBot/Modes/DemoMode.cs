using GroupBuyBot.Core.Localization;
using GroupBuyBot.Demo;

namespace GroupBuyBot.Modes;

/// <summary>
/// <c>demo [--lang zh|en] [--story main|options-payments|pooling]</c>: plays a scripted story against the built-in emulator and
/// prints it (the main story: a noticed need to an accepted order; options-payments: a class with two sessions, and who paid;
/// pooling: two linked groups filling one shared buy).
/// </summary>
public static class DemoMode
{
    public const string Usage = "usage: demo [--lang zh|en] [--story main|options-payments|pooling]";

    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var language = Language.Zh;
        var story = "main";
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--lang" when LanguageExtensions.Parse(value) is { } parsed:
                    language = parsed;
                    i++;
                    break;
                case "--story" when value is "main" or "options-payments" or "pooling":
                    story = value;
                    i++;
                    break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        var steps = story switch
        {
            "options-payments" => OptionsDemoStory.Steps(language),
            "pooling" => PoolingDemoStory.Steps(DemoScript.For(language)),
            _ => DemoStory.Steps(DemoScript.For(language)),
        };
        return await DemoRunner.Run(language, steps, output, patience: TimeSpan.FromSeconds(15));
    }
}
