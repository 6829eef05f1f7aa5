namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>Where the bot keeps its data (<c>GroupBuyBot:Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "GroupBuyBot:Database";

    /// <summary><see cref="DatabaseProviderKind.Sqlite"/> (files in <see cref="DataDirectory"/>) or <see cref="DatabaseProviderKind.Postgres"/> (<see cref="ConnectionString"/>).</summary>
    public DatabaseProviderKind Provider { get; set; } = DatabaseProviderKind.Sqlite;

    /// <summary>Folder of the SQLite files; created when missing. Unused on PostgreSQL.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite: how long a writer waits for the database lock before failing.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;

    /// <summary>PostgreSQL: an Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=bot;Password=…;Database=groupbuybot</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>What is wrong with these options, in one line for the operator; null when nothing is.</summary>
    public string? Problem() => Provider == DatabaseProviderKind.Postgres && string.IsNullOrWhiteSpace(ConnectionString)
        ? $"{Section}:Provider is Postgres but {Section}:ConnectionString is empty " +
          "(e.g. Host=127.0.0.1;Port=5432;Username=bot;Password=…;Database=groupbuybot)."
        : null;
}

public enum DatabaseProviderKind
{
    Sqlite,
    Postgres,
}
