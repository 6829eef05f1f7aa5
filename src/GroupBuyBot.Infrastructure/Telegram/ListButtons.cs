using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.Localization;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>The Join / +1 / −1 / Leave buttons of a live list, and the callback data they carry (<c>gb:j:42</c>).</summary>
public static class ListButtons
{
    public static InlineKeyboardMarkup For(long buyId, Language language) => new(
    [
        [
            Button(language, "ButtonJoin", 'j', buyId),
            Button(language, "ButtonPlusOne", 'p', buyId),
            Button(language, "ButtonMinusOne", 'm', buyId),
            Button(language, "ButtonLeave", 'l', buyId),
        ],
    ]);

    /// <summary>The action of a list button's data; null for a letter no list button carries.</summary>
    public static SignUpAction? Action(CallbackData data) => data.Action switch
    {
        'j' or 'p' => SignUpAction.Join,
        'm' => SignUpAction.Decrement,
        'l' => SignUpAction.Leave,
        _ => null,
    };

    private static InlineKeyboardButton Button(Language language, string textKey, char action, long buyId) =>
        InlineKeyboardButton.WithCallbackData(Texts.Get(language, textKey), CallbackData.Format(CallbackData.SignUp, action, buyId));
}
