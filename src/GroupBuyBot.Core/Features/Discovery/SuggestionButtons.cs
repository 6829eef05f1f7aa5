using GroupBuyBot.Core.Localization;

namespace GroupBuyBot.Core.Features.Discovery;

/// <summary>The organizer buttons under a need suggestion, and their callback data (<c>nd:s:42</c>).</summary>
public static class SuggestionButtons
{
    public static IReadOnlyList<IReadOnlyList<ButtonSpec>> Specs(long needId, Language language) =>
    [
        [Button(language, "ButtonStartBuy", 's', needId)],
        [Button(language, "ButtonNotNow", 'n', needId), Button(language, "ButtonNever", 'x', needId)],
    ];

    /// <summary>The choice of a suggestion button's data; null for a letter no suggestion button carries.</summary>
    public static SuggestionChoice? Choice(CallbackData data) => data.Action switch
    {
        's' => SuggestionChoice.StartBuy,
        'n' => SuggestionChoice.NotNow,
        'x' => SuggestionChoice.Never,
        _ => null,
    };

    private static ButtonSpec Button(Language language, string textKey, char action, long needId) =>
        new(Texts.Get(language, textKey), CallbackData.Format(CallbackData.Suggestion, action, needId));
}
