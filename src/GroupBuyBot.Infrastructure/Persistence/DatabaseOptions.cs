namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>Where the bot keeps its data (<c>GroupBuyBot:Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "GroupBuyBot:Database";

    /// <summary>Folder of the SQLite files; created when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long a writer waits for the database lock before failing.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;
}
