using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.Storage;
using Telegram.Bot.Types;

namespace GroupBuyBot.Infrastructure.Telegram.Routing;

/// <summary>
/// A run of taps on one buy's list buttons, waiting together in a chat's queue, handled as one change of the buy
/// (group commit): one load, one save and one list edit for the lot, each tap still answered with its own toast.
/// </summary>
public sealed class ListTaps(IChatStore chats, SignUpHandler signUps, TelegramSender sender)
{
    /// <summary>The buy a tap on a live list's button acts on; null for any other update.</summary>
    public static long? BuyOf(Update update) =>
        update.CallbackQuery is { Message: not null, Data: var data }
        && CallbackData.TryParse(data, out var parsed) && parsed.Prefix == CallbackData.SignUp && ListButtons.Request(parsed) is not null
            ? parsed.First
            : null;

    /// <param name="taps">Updates for which <see cref="BuyOf"/> is <paramref name="buyId"/>, in order, of one chat.</param>
    public async Task Handle(long buyId, IReadOnlyList<Update> taps, CancellationToken ct)
    {
        var chat = await chats.Get(taps[0].CallbackQuery!.Message!.Chat.Id, ct);
        var requests = taps.Select(update =>
        {
            var query = update.CallbackQuery!;
            var request = CallbackData.TryParse(query.Data, out var data) ? ListButtons.Request(data) : null;
            return (Requests.ForTap(chat, query, query.Message!, update.Id), request ?? throw new ArgumentException("not a list tap", nameof(taps)));
        }).ToList();

        var outcomes = await signUps.ApplyTaps(buyId, requests, ct);
        for (var i = 0; i < taps.Count; i++)
        {
            // Not with the stopping token: the taps are stored as handled, so these are their only answers.
            await sender.AnswerCallback(taps[i].CallbackQuery!.Id, outcomes[i].Toast, CancellationToken.None);
        }
    }
}
