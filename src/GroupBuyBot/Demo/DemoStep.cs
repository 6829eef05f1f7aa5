namespace GroupBuyBot.Demo;

/// <summary>One beat of the demo story: what happens (<see cref="Title"/>) and how to play and check it.</summary>
/// <param name="Play">Acts as the members and waits for what the bot should do; throws <see cref="DemoExpectationException"/> when it does not.</param>
public sealed record DemoStep(string Title, Func<DemoContext, Task> Play);

/// <summary>The bot did not do what the story expects.</summary>
public sealed class DemoExpectationException(string message) : Exception(message);
