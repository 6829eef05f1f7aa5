using System.Globalization;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Localization;

namespace GroupBuyBot.Core.Discovery.Board;

/// <summary>The suggestion message: what the bot noticed and who (as mentions), in the chat's language (HTML).</summary>
public static class NeedSuggestionText
{
    public static string Render(BoardNeed need, Language language)
    {
        var mentions = string.Join(language == Language.Zh ? "、" : ", ", need.Members.Select(m =>
            string.Create(CultureInfo.InvariantCulture, $"<a href=\"tg://user?id={m.UserId}\">{Html.Escape(m.DisplayName)}</a>")));
        return Texts.Get(language, "NeedSuggestion", Html.Escape(need.Summary), need.Members.Count, mentions);
    }
}
