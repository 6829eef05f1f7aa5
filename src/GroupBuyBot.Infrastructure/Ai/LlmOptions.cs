namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint (<c>GroupBuyBot:Llm</c>): OpenAI, Azure OpenAI v1, Ollama, vLLM,
/// LM Studio, DeepSeek, Qwen… Without <see cref="BaseUrl"/> and <see cref="Model"/> the embedded extractor is used.
/// Budgets (<c>CallsPerHourPerChat</c>, …) are read from the same section into <see cref="Core.Discovery.Model.LlmBudgetOptions"/>.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "GroupBuyBot:Llm";

    /// <summary>Including the version path, e.g. <c>http://localhost:11434/v1</c>: the connector appends nothing.</summary>
    public string? BaseUrl { get; set; }

    public string? Model { get; set; }

    /// <summary>Secret: never logged. Local servers accept any value.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Per attempt.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Retries after a 429, a 408, a 5xx, a timeout or a connection error without an HTTP status (refused, reset,
    /// dropped), with exponential backoff from <see cref="RetryBaseDelayMilliseconds"/>.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>After a call failed every attempt, the model is not tried again for this long (the embedded path runs).</summary>
    public int CooldownSeconds { get; set; } = 60;

    /// <summary>The folder holding the <c>Discovery</c> prompt directory; default: <c>prompts</c> beside the executable.</summary>
    public string? PromptsDirectory { get; set; }

    /// <summary>
    /// How the answer's length limit (each prompt's <c>max_tokens</c> in config.json) is sent. The OpenAI SDK sends
    /// <c>max_completion_tokens</c>, which some OpenAI-compatible servers ignore (they read <c>max_tokens</c>).
    /// </summary>
    public TokenLimitParameter TokenLimitParameter { get; set; } = TokenLimitParameter.Auto;

    /// <summary>
    /// Send members' display names beside their ids, so tallies by name ("Sophie 1, Kumar 1", "晓雯2盒") map back to
    /// members. Off: ids only (the model then cannot read tallies by name).
    /// </summary>
    public bool SendMemberNames { get; set; } = true;

    /// <summary>Ask the model about sign-up replies the local rules find ambiguous.</summary>
    public bool ReadAmbiguousReplies { get; set; } = true;

    /// <summary>Let the model draft the proposal behind "Start a group buy" (else title = summary, minimum = members, 3 days).</summary>
    public bool DraftProposals { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(Model);

    public string ResolvePromptsDirectory() =>
        Path.Combine(string.IsNullOrWhiteSpace(PromptsDirectory) ? Path.Combine(AppContext.BaseDirectory, "prompts") : PromptsDirectory, "Discovery");
}

/// <summary>Which request field carries the answer's token limit.</summary>
public enum TokenLimitParameter
{
    /// <summary><see cref="MaxCompletionTokens"/> for api.openai.com and Azure OpenAI, <see cref="Both"/> for any other server.</summary>
    Auto,

    /// <summary><c>max_completion_tokens</c> only (what the OpenAI SDK sends; OpenAI's reasoning models refuse <c>max_tokens</c>).</summary>
    MaxCompletionTokens,

    /// <summary><c>max_tokens</c> only (older vLLM, llama.cpp, LM Studio, Ollama's OpenAI endpoint).</summary>
    MaxTokens,

    /// <summary>Both fields with the same value: a server reads the one it knows.</summary>
    Both,
}
