namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>Understands a member's free-text reply to a live list.</summary>
public interface ISignUpReplyReader
{
    Task<SignUpReply> Read(string text, CancellationToken ct);
}

/// <summary>
/// The offline reader: the local rules alone. When they are unsure, their best guess still stands,
/// so a plain "+1" never waits on a model.
/// </summary>
public sealed class LocalSignUpReplyReader : ISignUpReplyReader
{
    public Task<SignUpReply> Read(string text, CancellationToken ct) => Task.FromResult(SignUpReplyParser.Parse(text));
}
