using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;

namespace GroupBuyBot.Core.Features.SignUps;

/// <summary>
/// The buttons of a live list and of the "which option?" question, and the sign-up each one's data asks for:
/// <c>gb:{action}:{buy}[:{option}[:{quantity}]]</c> (<c>gb:p:42:2</c>: one more of buy 42's option 2).
/// </summary>
public static class ListButtons
{
    private const char Join = 'j';
    private const char PlusOne = 'p';
    private const char MinusOne = 'm';
    private const char Leave = 'l';
    private const char Set = 's';

    /// <summary>A one-price buy: Join, +1, −1, Leave. With options: "name +1" and −1 per option, then Leave.</summary>
    public static IReadOnlyList<IReadOnlyList<ButtonSpec>> For(GroupBuy buy, Language language)
    {
        string T(string key) => Texts.Get(language, key);
        if (!buy.HasOptions)
        {
            return [[Button(T("ButtonJoin"), Join, buy.Id), Button(T("ButtonPlusOne"), PlusOne, buy.Id),
                Button(T("ButtonMinusOne"), MinusOne, buy.Id), Button(T("ButtonLeave"), Leave, buy.Id)]];
        }

        var rows = buy.Options.Select(option => (IReadOnlyList<ButtonSpec>)(option.Closed
            ? [Button($"{option.Name} {T("ButtonMinusOne")}", MinusOne, buy.Id, option.Number)]
            : [Button($"{option.Name} {T("ButtonPlusOne")}", PlusOne, buy.Id, option.Number), Button(T("ButtonMinusOne"), MinusOne, buy.Id, option.Number)])).ToList();
        rows.Add([Button(T("ButtonLeave"), Leave, buy.Id)]);
        return rows;
    }

    /// <summary>The answers to "which option?": one button per open option, carrying what the member asked for.</summary>
    public static IReadOnlyList<IReadOnlyList<ButtonSpec>> Choices(GroupBuy buy, SignUpAction action, int quantity) =>
        [.. buy.Options.Where(o => !o.Closed).Select(o => (IReadOnlyList<ButtonSpec>)[
            Button($"{o.Name} ×{quantity}", action == SignUpAction.Set ? Set : Join, buy.Id, o.Number, quantity)])];

    /// <summary>What a list button's data asks for; null for a letter no list button carries.</summary>
    public static SignUpRequest? Request(CallbackData data)
    {
        int? option = data.Second is > 0 and <= BuyOption.MaxOptions * 10 ? (int)data.Second : null;
        var quantity = data.Third is > 0 and <= SignUp.MaxQuantity ? (int)data.Third : 1;
        return data.Action switch
        {
            Join or PlusOne => new SignUpRequest(SignUpAction.Join, quantity, option),
            Set => new SignUpRequest(SignUpAction.Set, quantity, option),
            MinusOne => new SignUpRequest(SignUpAction.Decrement, 1, option),
            Leave => new SignUpRequest(SignUpAction.Leave, 0, option),
            _ => null,
        };
    }

    private static ButtonSpec Button(string text, char action, long buyId) => new(text, CallbackData.Format(CallbackData.SignUp, action, buyId));

    private static ButtonSpec Button(string text, char action, long buyId, int option) =>
        new(text, CallbackData.Format(CallbackData.SignUp, action, buyId, option));

    private static ButtonSpec Button(string text, char action, long buyId, int option, int quantity) =>
        new(text, CallbackData.Format(CallbackData.SignUp, action, buyId, option, quantity));
}
