using System.Globalization;
using System.Text.Json;
using GroupBuyBot.Core.Features;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>How a <see cref="PrivateRound"/> and its progress are kept in an outbox row.</summary>
internal static class PrivateRounds
{
    public static string Serialize(PrivateRound round) => JsonSerializer.Serialize(round, JsonSerializerOptions.Default);

    public static PrivateRound Deserialize(string? json) =>
        JsonSerializer.Deserialize<PrivateRound>(json ?? "null", JsonSerializerOptions.Default)
        ?? throw new InvalidOperationException("A Privately outbox row has no round.");

    public static List<int> ParseRefused(string? refused) =>
        string.IsNullOrEmpty(refused) ? [] : [.. refused.Split(',').Select(i => int.Parse(i, CultureInfo.InvariantCulture))];

    public static string? FormatRefused(List<int> refused) =>
        refused.Count == 0 ? null : string.Join(',', refused.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
