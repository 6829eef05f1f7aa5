namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>Understands a member's free-text reply to a live list.</summary>
public interface ISignUpReplyReader
{
    Task<SignUpReply> Read(string text, CancellationToken ct);

    /// <summary>The same, for a reply in <paramref name="chatId"/>: a model reading counts against that chat's budget.</summary>
    Task<SignUpReply> Read(long chatId, string text, CancellationToken ct) => Read(text, ct);

    /// <summary>True when replies the local rules find ambiguous go to a model (slow: read beside the update path).</summary>
    bool AsksModel => false;
}

/// <summary>
/// The offline reader: the local rules, with the learned intent (<see cref="ReplyIntentModel"/>) where they are unsure.
/// Their best guess then stands, so a plain "+1" never waits on a model.
/// </summary>
public sealed class LocalSignUpReplyReader(ReplyIntentModel model) : ISignUpReplyReader
{
    public LocalSignUpReplyReader()
        : this(ReplyIntentModel.Default)
    {
    }

    public Task<SignUpReply> Read(string text, CancellationToken ct) => Task.FromResult(SignUpReplyParser.Parse(text, model));
}
