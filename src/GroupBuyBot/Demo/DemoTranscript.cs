using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;

namespace GroupBuyBot.Demo;

/// <summary>Prints the story as members see it: new messages in every chat, and edits (the live list) when they land.</summary>
public sealed class DemoTranscript(EmulatorState telegram, TextWriter output)
{
    // (chat, message) → the version last printed
    private readonly Dictionary<(long Chat, int Message), EmulatedMessage> _printed = [];

    public void Heading(int number, string title) => output.WriteLine($"\n── {number}. {title}");

    public void Note(string text) => output.WriteLine($"   · {text}");

    public void Line(string text) => output.WriteLine(text);

    /// <summary>Prints what appeared since the last call, then what was edited (only the lines that changed).</summary>
    public void Flush()
    {
        var edited = new List<(EmulatedChatInfo Chat, EmulatedMessage Before, EmulatedMessage Now)>();
        foreach (var chat in telegram.GetChats())
        {
            foreach (var message in telegram.GetMessages(chat.Id, includeDeleted: false))
            {
                var key = (chat.Id, message.MessageId);
                if (!_printed.TryGetValue(key, out var before))
                {
                    PrintNew(chat, message);
                }
                else if (before.EditCount != message.EditCount)
                {
                    edited.Add((chat, before, message));
                }

                _printed[key] = message;
            }
        }

        foreach (var (chat, before, now) in edited) PrintEdit(chat, before, now);
    }

    private void PrintNew(EmulatedChatInfo chat, EmulatedMessage message)
    {
        var how = message.ReplyToMessageId is { } replyTo ? $" (reply to #{replyTo})" : "";
        var lines = Lines(message);
        output.WriteLine($"   {Where(chat)}#{message.MessageId} {Who(message)}{how}: {lines[0]}");
        foreach (var line in lines.Skip(1)) output.WriteLine($"      {line}");
        PrintButtons(message);
    }

    private void PrintEdit(EmulatedChatInfo chat, EmulatedMessage before, EmulatedMessage now)
    {
        output.WriteLine($"   {Where(chat)}#{now.MessageId} {Who(now)} edits its message:");
        var old = Lines(before).ToHashSet();
        foreach (var line in Lines(now).Where(l => l.Length > 0 && !old.Contains(l))) output.WriteLine($"      {line}");
        if (now.Buttons.Count == 0 && before.Buttons.Count > 0) output.WriteLine("      (buttons removed)");
    }

    private void PrintButtons(EmulatedMessage message)
    {
        foreach (var row in message.Buttons) output.WriteLine("      " + string.Join(" ", row.Select(b => $"[{b.Text}]")));
    }

    private string Where(EmulatedChatInfo chat) => chat.Type == ChatKind.Private
        ? $"[private chat with {Name(telegram.GetUsers().FirstOrDefault(u => u.Id == chat.Id))}] "
        : chat.Id == Playground.PlaygroundGroup.ChatId ? "" : $"[{chat.Title}] "; // the story's own group goes unlabelled

    private static string Who(EmulatedMessage message) => message.IsFromBot ? "🤖 " + Name(message.From) : Name(message.From);

    private static string[] Lines(EmulatedMessage message) => (message.Text ?? message.ServiceEvent ?? "").Split('\n');

    private static string Name(EmulatedUser? user) => user?.FirstName ?? "?";
}
