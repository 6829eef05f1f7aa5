using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace GroupBuyBot.Core.Localization;

/// <summary>
/// Every text the bot shows, from the resource files in this folder: <c>Name.resx</c> (English) beside
/// <c>Name.zh-CN.resx</c> (Chinese). Each feature area may keep its own pair; all are searched.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager[] Resources = [.. typeof(Texts).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith("GroupBuyBot.Core.Localization.", StringComparison.Ordinal) && name.EndsWith(".resources", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(name => new ResourceManager(name[..^".resources".Length], typeof(Texts).Assembly))];

    // A text is looked up for nearly every message sent; the resource managers' own lookup walks every file and its
    // culture fallback each time. The resources never change while running, so at most keys × 2 entries.
    private static readonly ConcurrentDictionary<(Language, string), string> Templates = new();

    public static string Get(Language language, string key, params object?[] args)
    {
        var culture = language.Culture();
        var template = Templates.GetOrAdd((language, key), static entry => Find(entry.Item1.Culture(), entry.Item2));
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    private static string Find(CultureInfo culture, string key) =>
        Resources.Select(resources => resources.GetString(key, culture)).FirstOrDefault(text => text is not null)
            ?? throw new KeyNotFoundException($"No text '{key}'.");

    /// <summary>All keys, for the test that every text exists in both languages.</summary>
    public static IEnumerable<string> Keys() => Resources
        .SelectMany(resources => resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<System.Collections.DictionaryEntry>().Select(entry => (string)entry.Key))
        .Distinct();
}

public enum Language
{
    En,
    Zh,
}

public static class LanguageExtensions
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static CultureInfo Culture(this Language language) => language == Language.Zh ? Chinese : English;

    public static string Code(this Language language) => language == Language.Zh ? "zh" : "en";

    /// <summary>Reads "zh", "zh-CN", "中文", "en", "english"…; null when it is neither.</summary>
    public static Language? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-cn" or "zh-hans" or "cn" or "中文" or "chinese" => Language.Zh,
        "en" or "en-us" or "en-gb" or "english" or "英文" or "英语" => Language.En,
        _ => null,
    };
}
