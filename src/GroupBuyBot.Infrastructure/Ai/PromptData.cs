using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// Chat text as the prompts' data: readable UTF-8 JSON lines (Chinese, emoji and "+1" as written, not <c>\uXXXX</c>:
/// escaped they cost two to three times the tokens and hide the cues the prompt names), and inert: nothing a member
/// writes can close the data fence. Three layers keep it inert: each message is one JSON string (a newline inside it
/// is <c>\n</c>, so no text starts a line of its own); runs of three or more <c>=</c> are shortened to two, so no
/// text spells a fence (<c>=== CHAT END ===</c>, <c>=== REPLY END ===</c>); and <c>&lt;</c>, <c>&gt;</c> are JSON
/// escapes, so no text spells prompt markup (<c>&lt;/message&gt;</c>) even before Semantic Kernel encodes it.
/// </summary>
public static partial class PromptData
{
    public const int MaxTextLength = 500;
    public const int MaxNameLength = 40;

    // Structure and property names by System.Text.Json (relaxed: nothing escaped that JSON does not require);
    // string values by JsonString below, because every built-in encoder escapes characters outside the BMP (emoji).
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    /// <summary>
    /// The ExtractNeeds data block: a first line naming the members (<c>{"members":[{"id":…,"name":…}]}</c>) when
    /// <paramref name="withNames"/>, the chat's <paramref name="live"/> needs when it has any (<see cref="LiveNeeds"/>),
    /// then one line per message: <c>{"id":…,"from":…,"reply_to":…,"text":…}</c>.
    /// </summary>
    public static string Window(IReadOnlyList<ChatMessage> window, bool withNames, IReadOnlyList<LiveNeed>? live = null)
    {
        var text = new StringBuilder();
        if (withNames)
        {
            var members = window.GroupBy(m => m.FromId).Select(g => (Id: g.Key, Name: g.Last().FromName)).ToList();
            text.Append(Line(w =>
            {
                w.WriteStartArray("members");
                foreach (var (id, name) in members)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", id);
                    w.WritePropertyName("name");
                    w.WriteRawValue(JsonString(Cap(name, MaxNameLength)));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            })).Append('\n');
        }

        if (live is { Count: > 0 }) text.Append(Line(w => LiveNeeds(w, live, id => id, id => id))).Append('\n');
        foreach (var m in window)
        {
            text.Append(Line(w =>
            {
                w.WriteNumber("id", m.Id);
                w.WriteNumber("from", m.FromId);
                if (m.ReplyToId is { } parent) w.WriteNumber("reply_to", parent);
                else w.WriteNull("reply_to");
                w.WritePropertyName("text");
                w.WriteRawValue(JsonString(Cap(m.Text, MaxTextLength)));
            })).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The ExtractNeedsTogether data block: for each window a first line <c>{"chat":"c1","members":[…]}</c> (names only
    /// when <paramref name="withNames"/>), then its messages <c>{"chat":"c1","id":…,"from":…,"reply_to":…,"text":…}</c>.
    /// Message and member ids are renumbered across the whole call (1, 2, 3…), so no two chats share an id and an answer
    /// names exactly one chat's members and messages; <see cref="SharedCallIds"/> maps them back. Real ids never leave.
    /// </summary>
    public static (string Data, SharedCallIds Ids) Chats(IReadOnlyList<Core.Discovery.Windows.DueWindow> windows, bool withNames)
    {
        var text = new StringBuilder();
        var ids = new SharedCallIds();
        foreach (var window in windows)
        {
            var chat = ids.AddChat(window.ChatId);
            var members = window.Messages.GroupBy(m => m.FromId).Select(g => (Id: ids.Member(chat, g.Key), Name: g.Last().FromName)).ToList();
            var messages = window.Messages.Select(m => ids.Message(chat, m.Id)).ToList();
            text.Append(Line(w =>
            {
                w.WriteString("chat", chat);
                w.WriteStartArray("members");
                foreach (var (id, name) in members)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", id);
                    if (withNames)
                    {
                        w.WritePropertyName("name");
                        w.WriteRawValue(JsonString(Cap(name, MaxNameLength)));
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            })).Append('\n');

            if (window.Live.Count > 0)
            {
                // Numbered in the call like the messages, so a reply to a live need's message (gone from the window) points at it.
                text.Append(Line(w =>
                {
                    w.WriteString("chat", chat);
                    LiveNeeds(w, window.Live, id => ids.Member(chat, id), id => ids.Message(chat, id));
                })).Append('\n');
            }

            for (var i = 0; i < window.Messages.Count; i++)
            {
                var m = window.Messages[i];
                var id = messages[i];
                text.Append(Line(w =>
                {
                    w.WriteString("chat", chat);
                    w.WriteNumber("id", id);
                    w.WriteNumber("from", ids.Member(chat, m.FromId));
                    if (m.ReplyToId is { } parent && ids.KnownMessage(chat, parent) is { } local) w.WriteNumber("reply_to", local);
                    else w.WriteNull("reply_to");
                    w.WritePropertyName("text");
                    w.WriteRawValue(JsonString(Cap(m.Text, MaxTextLength)));
                })).Append('\n');
            }
        }

        return (text.ToString(), ids);
    }

    /// <summary>
    /// The chat's live needs as one property of a data line: <c>"live_needs":[{"need":"n1","summary":…,"members":[…],
    /// "messages":[…]}]</c>, labelled as <see cref="CandidateNeedValidator.LiveLabel"/> reads them back, ids as the call
    /// numbers them. The summary is the only text; it is fenced like any other.
    /// </summary>
    public static void LiveNeeds(Utf8JsonWriter w, IReadOnlyList<LiveNeed> live, Func<long, long> member, Func<long, long> message)
    {
        w.WriteStartArray("live_needs");
        for (var i = 0; i < live.Count; i++)
        {
            w.WriteStartObject();
            w.WriteString("need", Core.Discovery.Model.CandidateNeedValidator.LiveLabel(i));
            w.WritePropertyName("summary");
            w.WriteRawValue(JsonString(Cap(live[i].Summary, MaxTextLength)));
            w.WriteStartArray("members");
            foreach (var id in live[i].Members) w.WriteNumberValue(member(id));
            w.WriteEndArray();
            w.WriteStartArray("messages");
            foreach (var id in live[i].Evidence) w.WriteNumberValue(message(id));
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Free text for a prompt that inserts it as is (a sign-up reply, a need's summary): fences shortened, lone surrogates replaced.</summary>
    public static string Inert(string text) => FenceRun().Replace(WellFormed(text), "==");

    /// <summary>A JSON string literal of the inert text: escapes only quotes, backslashes, control characters, U+2028/9 and angle brackets.</summary>
    public static string JsonString(string value)
    {
        var text = Inert(value);
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case '<' or '>' or '\u2028' or '\u2029':
                case < ' ':
                    json.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: json.Append(ch); break;
            }
        }

        return json.Append('"').ToString();
    }

    private static string Line(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Cut at a character boundary that does not split a surrogate pair.
    private static string Cap(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut] + "…";
    }

    private static string WellFormed(string text)
    {
        StringBuilder? fixedText = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var paired = char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                fixedText?.Append(ch).Append(text[i + 1]);
                i++;
                continue;
            }

            var lone = char.IsSurrogate(ch);
            if (lone && fixedText is null) fixedText = new StringBuilder(text, 0, i, text.Length);
            fixedText?.Append(lone ? '\uFFFD' : ch);
        }

        return fixedText?.ToString() ?? text;
    }

    // Three or more equals signs (ASCII or full-width): the shape of every data fence in prompts/Discovery.
    [GeneratedRegex("[=＝]{3,}")]
    private static partial Regex FenceRun();
}
