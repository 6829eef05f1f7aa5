using System.Globalization;
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
        buyId = 0;
        if (data is null || data.Length > 64 || !data.StartsWith(Prefix, StringComparison.Ordinal) || data.Length < Prefix.Length + 3 || data[Prefix.Length + 1] != ':')
        {
            return false;
        }

        SignUpAction? parsed = data[Prefix.Length] switch
        {
            'j' or 'p' => SignUpAction.Join,
            'm' => SignUpAction.Decrement,
            'l' => SignUpAction.Leave,
            _ => null,
        };
        if (parsed is null || !long.TryParse(data.AsSpan(Prefix.Length + 2), NumberStyles.None, CultureInfo.InvariantCulture, out buyId)) return false;
        action = parsed.Value;
        return true;
    }

    private static InlineKeyboardButton Button(Language language, string textKey, char action, long buyId) =>
        InlineKeyboardButton.WithCallbackData(Texts.Get(language, textKey), string.Create(CultureInfo.InvariantCulture, $"{Prefix}{action}:{buyId}"));
}
