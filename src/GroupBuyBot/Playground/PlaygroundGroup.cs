using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;

namespace GroupBuyBot.Playground;

/// <summary>The group every playground (and the demo) starts with: Alice administers it, three members chat in it.</summary>
public static class PlaygroundGroup
{
    public const long ChatId = -1001;

    public static readonly EmulatedUser Alice = new(1, "Alice", Username: "alice");
    public static readonly EmulatedUser Bob = new(2, "Bob", Username: "bob");
    public static readonly EmulatedUser Carol = new(3, "Carol", Username: "carol");
    public static readonly EmulatedUser Dave = new(4, "Dave", Username: "dave");
    public static readonly EmulatedUser Erin = new(5, "Erin", Username: "erin");

    public static IReadOnlyList<EmulatedUser> Members { get; } = [Alice, Bob, Carol, Dave, Erin];

    public static void Seed(EmulatorState telegram, string title)
    {
        foreach (var member in Members) telegram.UpsertUser(member);
        telegram.CreateChat(new ChatSpec(ChatId, ChatKind.Supergroup, title));
        telegram.SetMemberStatus(ChatId, Alice.Id, MemberStatus.Administrator);
        foreach (var member in Members.Skip(1)) telegram.SetMemberStatus(ChatId, member.Id, MemberStatus.Member);
    }
}
