using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Core.Localization;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>The organizer buttons under a need suggestion, and their callback data (<c>nd:s:42</c>).</summary>
public static class SuggestionButtons
{
    public static InlineKeyboardMarkup For(long needId, Language language) => new(
    [
        [Button(language, "ButtonStartBuy", 's', needId)],
        [Button(language, "ButtonNotNow", 'n', needId), Button(language, "ButtonNever", 'x', needId)],
    ]);

    /// <summary>The choice of a suggestion button's data; null for a letter no suggestion button carries.</summary>
    public static SuggestionChoice? Choice(CallbackData data) => data.Action switch
    {
        's' => SuggestionChoice.StartBuy,
        'n' => SuggestionChoice.NotNow,
        'x' => SuggestionChoice.Never,
        _ => null,
    };

    private static InlineKeyboardButton Button(Language language, string textKey, char action, long needId) =>
        InlineKeyboardButton.WithCallbackData(Texts.Get(language, textKey), CallbackData.Format(CallbackData.Suggestion, action, needId));
}
