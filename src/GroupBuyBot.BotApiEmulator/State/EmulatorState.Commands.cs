using System.Text.Json.Nodes;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>The command menu set with setMyCommands, per scope and language.</summary>
public sealed partial class EmulatorState
{
    private readonly Dictionary<string, JsonArray> _commands = new(StringComparer.Ordinal);

    internal void SetCommands(JsonNode? scope, string? languageCode, JsonArray commands)
    {
        lock (_gate)
        {
            _commands[CommandsKey(scope, languageCode)] = (JsonArray)commands.DeepClone();
        }
    }

    internal JsonArray GetCommands(JsonNode? scope, string? languageCode)
    {
        lock (_gate)
        {
            return _commands.TryGetValue(CommandsKey(scope, languageCode), out var commands) ? (JsonArray)commands.DeepClone() : [];
        }
    }

    /// <summary>The (command, description) pairs set for the default scope and language, in order.</summary>
    public IReadOnlyList<(string Command, string Description)> GetBotCommands(string? languageCode = null)
    {
        lock (_gate)
        {
            if (!_commands.TryGetValue(CommandsKey(null, languageCode), out var commands))
            {
                return [];
            }

            return [.. commands.Select(c => (c?["command"]?.GetValue<string>() ?? "", c?["description"]?.GetValue<string>() ?? ""))];
        }
    }

    private static string CommandsKey(JsonNode? scope, string? languageCode) =>
        (scope?["type"]?.GetValue<string>() ?? "default") + "|" + scope?["chat_id"] + "|" + scope?["user_id"] + "|" + languageCode;
}
