using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GroupBuyBot.BotApiEmulator.Formatting;

/// <summary>Finds /commands in members' text and describes them as Telegram's <c>bot_command</c> entities.</summary>
public static partial class BotCommandEntities
{
    [GeneratedRegex(@"(?<=^|\s)/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?(?=$|[\s.,!?;:])")]
    private static partial Regex CommandPattern();

    /// <summary>Offsets and lengths are in UTF-16 code units, as the Bot API counts them.</summary>
    public static JsonArray? Find(string text)
    {
        JsonArray? entities = null;
        foreach (Match match in CommandPattern().Matches(text))
        {
            entities ??= [];
            entities.Add(new JsonObject
            {
                ["offset"] = match.Index,
                ["length"] = match.Length,
                ["type"] = "bot_command",
            });
        }

        return entities;
    }
}
