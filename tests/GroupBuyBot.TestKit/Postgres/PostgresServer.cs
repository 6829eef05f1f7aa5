using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GroupBuyBot.TestKit.Postgres;

/// <summary>
/// One throwaway PostgreSQL cluster per test run: <c>initdb</c> in a temporary folder, <c>pg_ctl start</c> on a free
/// 127.0.0.1 port (trust authentication, durability off: a test database is thrown away anyway). <c>initdb</c> and
/// <c>postgres</c> refuse to run as root, so as root they run as the <c>postgres</c> user (<c>runuser</c>) on a folder
/// it owns; otherwise as the current user. Each test gets a database of its own (<see cref="CreateDatabase"/>). A
/// watchdog outside the test process stops the cluster and deletes its folder once the test process is gone, however
/// it ended (the test runner does not wait for exit handlers); should the watchdog itself be killed, the next run
/// stops and deletes what it left.
/// </summary>
public sealed class PostgresServer
{
    public const string User = "postgres";

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "groupbuybot-pg");
    private static readonly Lazy<Task<PostgresServer>> Shared = new(() => Task.Run(Start));

    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    private PostgresServer(string bin, string folder, bool asPostgresUser, int port)
    {
        _bin = bin;
        _folder = folder;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The cluster of this test run, started on first use.</summary>
    public static Task<PostgresServer> Get() => Shared.Value;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
        Timeout = 15,
    }.ConnectionString;

    /// <summary>A relay in front of this server, for a client the test cuts off its database (<see cref="TcpRelay.Cut"/>).</summary>
    public TcpRelay StartRelay() => TcpRelay.Start(new Uri($"tcp://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary><paramref name="connectionString"/> through <paramref name="relay"/>, giving up on a connection after 3 s.</summary>
    public static string Through(TcpRelay relay, string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Port = relay.BaseUrl.Port, Timeout = 3 }.ConnectionString;

    /// <summary>A new, empty database of its own for one test; dropped when disposed.</summary>
    public async Task<TestDatabase> CreateDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await Execute($"CREATE DATABASE \"{name}\"");
        return new TestDatabase(this, name);
    }

    internal async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static PostgresServer Start()
    {
        var bin = FindBinaries();
        CleanUpAbandoned(bin);
        var asPostgresUser = Environment.UserName == "root";
        var folder = Path.Combine(Root, $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (asPostgresUser) Run("chown", ["-R", $"{User}:{User}", folder]);

        var server = new PostgresServer(bin, folder, asPostgresUser, FreePort());
        server.RunTool("initdb", ["-D", server.DataFolder, "-A", "trust", "-U", User, "-E", "UTF8", "--locale=C", "--no-sync"]);
        server.RunTool("pg_ctl", ["-D", server.DataFolder, "-l", Path.Combine(folder, "postgres.log"), "-w", "-t", "60", "-o",
            $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400 " +
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"]);
        server.StartWatchdog();
        return server;
    }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>
    /// <c>setsid -f sh -c …</c>: a process of its own session, not a child of the test process (a runner that kills the
    /// test process's tree does not reach it), polling once a second whether the test process still runs.
    /// </summary>
    private void StartWatchdog()
    {
        var pgCtl = $"'{Path.Combine(_bin, "pg_ctl")}' -D '{DataFolder}' -m immediate -w stop";
        var stop = _asPostgresUser ? $"runuser -u {User} -- {pgCtl}" : pgCtl;
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}; do sleep 1; done; {stop}; rm -rf '{_folder}'";
        Run("setsid", ["-f", "sh", "-c", script]);
    }

    /// <summary>Clusters of test processes that no longer run (killed before they could stop theirs).</summary>
    private static void CleanUpAbandoned(string bin)
    {
        if (!Directory.Exists(Root)) return;
        foreach (var folder in Directory.GetDirectories(Root))
        {
            var owner = Path.GetFileName(folder).Split('-')[0];
            if (!int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || Directory.Exists($"/proc/{pid}")) continue;
            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    var stop = new[] { Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop" };
                    if (Environment.UserName == "root") Run("runuser", ["-u", User, "--", .. stop]);
                    else Run(stop[0], stop[1..]);
                }
                catch (InvalidOperationException)
                {
                    // not running after all
                }
            }

            TryDelete(folder);
        }
    }

    private void RunTool(string tool, string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgresUser) Run("runuser", ["-u", User, "--", path, .. arguments]);
        else Run(path, arguments);
    }

    /// <summary>The newest PostgreSQL installed the Debian way (<c>/usr/lib/postgresql/N/bin</c>).</summary>
    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions
            .Select(v => (Version: int.TryParse(Path.GetFileName(v), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0, Bin: Path.Combine(v, "bin")))
            .Where(v => File.Exists(Path.Combine(v.Bin, "initdb")))
            .OrderByDescending(v => v.Version)
            .Select(v => v.Bin)
            .FirstOrDefault();
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql, as .ci/run does.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(), // the postgres user may not read the current folder
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{output.Result}\n{error.Result}");
        }
    }

    private static void TryDelete(string folder)
    {
        for (var attempt = 1; attempt <= 3 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The server may still be removing its own files; else the next run (or the OS temp cleaner) gets it.
                Thread.Sleep(100);
            }
        }
    }
}

/// <summary>A database of its own for one test, on the run's <see cref="PostgresServer"/>; dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    internal TestDatabase(PostgresServer server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = server.ConnectionString(name);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        using (var connection = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(connection);
        await _server.Execute($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
