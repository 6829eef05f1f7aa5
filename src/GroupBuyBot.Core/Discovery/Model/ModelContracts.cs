namespace GroupBuyBot.Core.Discovery.Model;

/// <summary>A need as a language model returned it: untrusted until <see cref="CandidateNeedValidator"/> accepts it.</summary>
public sealed record CandidateNeed(string? Summary, IReadOnlyList<long>? Interested, IReadOnlyList<long>? Evidence, int? Units);

/// <summary>A model's answer and the tokens it cost (prompt + completion).</summary>
public sealed record ModelAnswer<T>(T Value, int Tokens);

/// <summary>Reads needs from a window with a language model. Implementations live in Infrastructure (Semantic Kernel).</summary>
public interface IModelNeedExtractor
{
    /// <exception cref="ModelUnavailableException">The provider failed, timed out or answered something unreadable.</exception>
    Task<ModelAnswer<IReadOnlyList<CandidateNeed>>> ExtractNeeds(IReadOnlyList<ChatMessage> window, CancellationToken ct);
}

/// <summary>The model could not give a usable answer (network, 429/5xx after retries, timeout, malformed JSON).</summary>
public sealed class ModelUnavailableException(string message, Exception? inner = null, int tokens = 0) : Exception(message, inner)
{
    /// <summary>Tokens the failed call still cost (a malformed answer is billed too).</summary>
    public int Tokens { get; } = tokens;
}
