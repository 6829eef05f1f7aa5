using System.Globalization;
using System.Text.Json;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Evaluation;

/// <summary>A labelled conversation of needs-*.jsonl.</summary>
public sealed record NeedsCase(string Id, IReadOnlyList<ChatMessage> Messages, IReadOnlyList<IReadOnlySet<long>> GoldNeeds);

/// <summary>A labelled reply of signups-*.jsonl.</summary>
public sealed record SignUpCase(string Text, SignUpIntent Intent, int? Quantity);

/// <summary>Reads the JSON Lines corpora described in shared/eval/README.md.</summary>
public static class EvaluationCorpus
{
    public static async Task<IReadOnlyList<NeedsCase>> ReadNeedsAsync(string path, CancellationToken ct)
    {
        var cases = new List<NeedsCase>();
        foreach (var line in await ReadLinesAsync(path, ct))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var messages = root.GetProperty("messages").EnumerateArray().Select(m => new ChatMessage(
                m.GetProperty("id").GetInt64(),
                m.GetProperty("from").GetProperty("id").GetInt64(),
                m.GetProperty("from").TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty,
                DateTimeOffset.Parse(m.GetProperty("at").GetString() ?? string.Empty, CultureInfo.InvariantCulture),
                m.GetProperty("text").GetString() ?? string.Empty,
                m.TryGetProperty("reply_to", out var reply) && reply.ValueKind == JsonValueKind.Number ? reply.GetInt64() : null)).ToList();
            var gold = root.TryGetProperty("needs", out var needs)
                ? needs.EnumerateArray().Select(n => (IReadOnlySet<long>)n.GetProperty("interested").EnumerateArray().Select(u => u.GetInt64()).ToHashSet()).ToList()
                : [];
            cases.Add(new NeedsCase(root.GetProperty("id").GetString() ?? string.Empty, messages, gold));
        }

        return cases;
    }

    public static async Task<IReadOnlyList<SignUpCase>> ReadSignUpsAsync(string path, CancellationToken ct)
    {
        return [.. (await ReadLinesAsync(path, ct)).Select(ParseSignUp)];
    }

    /// <summary>One line of a signups-*.jsonl corpus (also what <see cref="ReplyIntentModel"/> learns from).</summary>
    public static SignUpCase ParseSignUp(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var quantity = root.TryGetProperty("quantity", out var q) && q.ValueKind == JsonValueKind.Number ? q.GetInt32() : (int?)null;
        return new SignUpCase(root.GetProperty("text").GetString() ?? string.Empty, ParseIntent(root.GetProperty("intent").GetString()), quantity);
    }

    public static string IntentName(SignUpIntent intent) => intent switch
    {
        SignUpIntent.Join => "join",
        SignUpIntent.Set => "set",
        SignUpIntent.Leave => "leave",
        _ => "none",
    };

    public static SignUpIntent ParseIntent(string? name) => name switch
    {
        "join" => SignUpIntent.Join,
        "set" => SignUpIntent.Set,
        "leave" => SignUpIntent.Leave,
        _ => SignUpIntent.None,
    };

    private static async Task<IReadOnlyList<string>> ReadLinesAsync(string path, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(path, ct);
        return lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
    }
}
