using GroupBuyBot.Core.Localization;
using GroupBuyBot.Demo;

namespace GroupBuyBot.Modes;

/// <summary><c>demo [--lang zh|en]</c>: plays the scripted story against the built-in emulator and prints it.</summary>
public static class DemoMode
{
    public const string Usage = "usage: demo [--lang zh|en]";

    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var langIndex = Array.IndexOf(args, "--lang");
        var language = langIndex < 0 ? Language.Zh : LanguageExtensions.Parse(langIndex + 1 < args.Length ? args[langIndex + 1] : null);
        if (language is null || args.Length > (langIndex < 0 ? 1 : 3))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var script = DemoScript.For(language.Value);
        return await DemoRunner.Run(language.Value, DemoStory.Steps(script), output, patience: TimeSpan.FromSeconds(15));
    }
}
