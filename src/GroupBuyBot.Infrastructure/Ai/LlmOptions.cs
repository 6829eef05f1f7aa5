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

    /// <summary>Retries after a 429, a 5xx or a timeout, with exponential backoff from <see cref="RetryBaseDelayMilliseconds"/>.</summary>
    public int MaxRetries { get; set; } = 2;

    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>After a call failed every attempt, the model is not tried again for this long (the embedded path runs).</summary>
    public int CooldownSeconds { get; set; } = 60;

    /// <summary>The folder holding the <c>Discovery</c> prompt directory; default: <c>prompts</c> beside the executable.</summary>
    public string? PromptsDirectory { get; set; }

    /// <summary>Ask the model about sign-up replies the local rules find ambiguous.</summary>
    public bool ReadAmbiguousReplies { get; set; } = true;

    /// <summary>Let the model draft the proposal behind "Start a group buy" (else title = summary, minimum = members, 3 days).</summary>
    public bool DraftProposals { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(Model);

    public string ResolvePromptsDirectory() =>
        Path.Combine(string.IsNullOrWhiteSpace(PromptsDirectory) ? Path.Combine(AppContext.BaseDirectory, "prompts") : PromptsDirectory, "Discovery");
}
