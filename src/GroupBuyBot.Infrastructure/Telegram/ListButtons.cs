using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.Localization;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>The Join / +1 / −1 / Leave buttons of a live list, and the callback data they carry (<c>gb:j:42</c>).</summary>
public static class ListButtons
{
    private const string Prefix = "gb:";

    public static InlineKeyboardMarkup For(long buyId, Language language) => new(
    [
        [
            Button(language, "ButtonJoin", 'j', buyId),
            Button(language, "ButtonPlusOne", 'p', buyId),
            Button(language, "ButtonMinusOne", 'm', buyId),
            Button(language, "ButtonLeave", 'l', buyId),
        ],
    ]);

    /// <summary>Reads callback data; false for anything that is not a well-formed list button.</summary>
    public static bool TryParse(string? data, out SignUpAction action, out long buyId)
    {
        action = default;
        SignUpAction? parsed = CallbackData.TryParse(data, Prefix, out var code, out buyId) ? code switch
        {
            'j' or 'p' => SignUpAction.Join,
            'm' => SignUpAction.Decrement,
            'l' => SignUpAction.Leave,
            _ => null,
        } : null;
        if (parsed is null) return false;
        action = parsed.Value;
        return true;
    }

    private static InlineKeyboardButton Button(Language language, string textKey, char action, long buyId) =>
        InlineKeyboardButton.WithCallbackData(Texts.Get(language, textKey), CallbackData.Format(Prefix, action, buyId));
}
