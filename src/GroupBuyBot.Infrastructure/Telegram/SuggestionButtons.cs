using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Core.Localization;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>The organizer buttons under a need suggestion, and their callback data (<c>nd:s:42</c>).</summary>
public static class SuggestionButtons
{
    private const string Prefix = "nd:";

    public static InlineKeyboardMarkup For(long needId, Language language) => new(
    [
        [Button(language, "ButtonStartBuy", 's', needId)],
        [Button(language, "ButtonNotNow", 'n', needId), Button(language, "ButtonNever", 'x', needId)],
    ]);

    public static bool TryParse(string? data, out SuggestionChoice choice, out long needId)
    {
        choice = default;
        SuggestionChoice? parsed = CallbackData.TryParse(data, Prefix, out var code, out needId) ? code switch
        {
            's' => SuggestionChoice.StartBuy,
            'n' => SuggestionChoice.NotNow,
            'x' => SuggestionChoice.Never,
            _ => null,
        } : null;
        if (parsed is null) return false;
        choice = parsed.Value;
        return true;
    }

    private static InlineKeyboardButton Button(Language language, string textKey, char action, long needId) =>
        InlineKeyboardButton.WithCallbackData(Texts.Get(language, textKey), CallbackData.Format(Prefix, action, needId));
}
