namespace GroupBuyBot.Core.Discovery.Windows;

/// <summary>
/// A chat's window taken for reading: its messages, and whether any message since the last reading carried a cue
/// (<see cref="ConversationWindow.HasNewCue"/>).
/// </summary>
public sealed record DueWindow(long ChatId, bool HasNewCue, IReadOnlyList<ChatMessage> Messages);
