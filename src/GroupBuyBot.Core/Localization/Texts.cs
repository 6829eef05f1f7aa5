using System.Globalization;
using System.Resources;

namespace GroupBuyBot.Core.Localization;

/// <summary>Every text the bot shows, from Texts.resx (English) and Texts.zh-CN.resx (Chinese).</summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("GroupBuyBot.Core.Localization.Texts", typeof(Texts).Assembly);

    public static string Get(Language language, string key, params object?[] args)
    {
        var template = Resources.GetString(key, language.Culture())
            ?? throw new KeyNotFoundException($"No text '{key}'.");
        return args.Length == 0 ? template : string.Format(language.Culture(), template, args);
    }
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
