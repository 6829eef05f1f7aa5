using GroupBuyBot.Core.Localization;
using GroupBuyBot.Demo;

namespace GroupBuyBot.Modes;

/// <summary>
/// <c>demo [--lang zh|en] [--story main|options]</c>: plays a scripted story against the built-in emulator and prints it
/// (the main story: a noticed need to a delivered order; options: a class with two sessions).
/// </summary>
public static class DemoMode
{
    public const string Usage = "usage: demo [--lang zh|en] [--story main|options]";

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
                case "--story" when value is "main" or "options":
                    story = value;
                    i++;
                    break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        var steps = story == "options" ? OptionsDemoStory.Steps(language) : DemoStory.Steps(DemoScript.For(language));
        return await DemoRunner.Run(language, steps, output, patience: TimeSpan.FromSeconds(15));
    }
}
