using GroupBuyBot.Core.Localization;

namespace GroupBuyBot.Core.Features;

/// <summary>How a count of units reads: "1 unit", "2 units", "2 份", or the organizer's own unit name.</summary>
public static class Units
{
    public static string Name(Language language, string? unitName, int count) =>
        !string.IsNullOrEmpty(unitName) ? Html.Escape(unitName) : Texts.Get(language, count == 1 ? "DefaultUnit" : "DefaultUnitPlural");
}
