using GroupBuyBot.Core.Features;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>Core's button rows as a Telegram inline keyboard.</summary>
public static class Buttons
{
    public static InlineKeyboardMarkup? Markup(IReadOnlyList<IReadOnlyList<ButtonSpec>>? rows) => rows is null || rows.Count == 0
        ? null
        : new InlineKeyboardMarkup(rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data))));
}
