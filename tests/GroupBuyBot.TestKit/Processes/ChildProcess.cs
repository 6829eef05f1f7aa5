using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace GroupBuyBot.TestKit.Processes;

/// <summary>
/// A <c>dotnet</c> application started by a test as a separate process, with its output kept. <see cref="Kill"/> is
/// SIGKILL (<c>kill -9</c>): no shutdown code runs. Nothing outlives the test: <see cref="Dispose"/> kills the process,
/// every child still running when the test process exits is killed, and a child whose test process died without
/// cleaning up kills itself (<see cref="StartupHook"/>).
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int MaxKeptLines = 50_000;

    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _started;
    private int _id;
    private int _disposed;

    static ChildProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values) TryKill(process);
        };
    }

    private ChildProcess(Process process, string label)
    {
        _process = process;
        Label = label;
        _started = Stopwatch.GetTimestamp();
    }

    public string Label { get; }

    public int Id => _id;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Completes with the exit code (137 after SIGKILL) when the process has ended.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Every line the process wrote (stdout and stderr), prefixed with the seconds since it started.</summary>
    public IReadOnlyList<string> Output => [.. _lines];

    /// <summary>
    /// Starts <c>dotnet <paramref name="dll"/></c>. The environment is the test's, without any <c>GroupBuyBot__*</c>
    /// variable or environment name of its own (so a developer's settings cannot leak in), plus <paramref name="environment"/>
    /// (a null value removes a variable).
    /// </summary>
    public static ChildProcess StartDotnet(string dll, string workingDirectory, IReadOnlyDictionary<string, string?> environment, string label)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("GroupBuyBot", StringComparison.OrdinalIgnoreCase)
                || name is "DOTNET_ENVIRONMENT" or "ASPNETCORE_ENVIRONMENT")
            {
                start.Environment.Remove(name);
            }
        }

        var hook = typeof(StartupHook).Assembly.Location;
        start.Environment["DOTNET_STARTUP_HOOKS"] = start.Environment.TryGetValue("DOTNET_STARTUP_HOOKS", out var hooks) && !string.IsNullOrEmpty(hooks)
            ? hooks + Path.PathSeparator + hook
            : hook;
        start.Environment[StartupHook.ParentPidVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process, label);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data, "");
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data, "stderr: ");
        process.Exited += (_, _) =>
        {
            Running.TryRemove(child.Id, out _);
            child._exited.TrySetResult(process.ExitCode);
        };
        if (!process.Start()) throw new InvalidOperationException($"Could not start {DotnetHost()} {dll}.");
        child._id = process.Id;
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL, then waits until the process is gone (the database files are no longer held).</summary>
    public void Kill()
    {
        if (!HasExited) TryKill(_process);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            throw new InvalidOperationException($"{Label} (pid {Id}) did not exit within 15 s of SIGKILL.");
        }

        // The Exited event may still be on its way: the caller can rely on HasExited from here on.
        _exited.TrySetResult(_process.ExitCode);
        Running.TryRemove(Id, out _);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // never started, or already reaped
        }

        _process.Dispose();
    }

    /// <summary>The last <paramref name="count"/> lines of output.</summary>
    public IReadOnlyList<string> Tail(int count) => [.. _lines.Skip(Math.Max(0, _lines.Count - count))];

    /// <summary>The <c>dotnet</c> host running the tests (so the child runs on the same SDK), else the one on PATH.</summary>
    public static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath)) return hostPath;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root
            && Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet") is var rooted && File.Exists(rooted))
        {
            return rooted;
        }

        return "dotnet";
    }

    /// <summary>
    /// The built <c><paramref name="assemblyName"/>.dll</c> of an application the test project references: beside the
    /// tests (a referenced Exe project is copied with its runtimeconfig and deps files), else in
    /// <c>src/<paramref name="assemblyName"/>/bin/</c> of the same configuration and target framework as the tests.
    /// </summary>
    public static string FindBuiltApplication(string assemblyName)
    {
        var besideTests = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        if (File.Exists(besideTests) && File.Exists(Path.Combine(AppContext.BaseDirectory, assemblyName + ".runtimeconfig.json"))) return besideTests;

        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent?.Name ?? "Debug");
        for (var folder = output; folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", assemblyName, "bin", configuration, framework, assemblyName + ".dll");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"{assemblyName}.dll was built neither beside the tests ({AppContext.BaseDirectory}) nor in src/{assemblyName}/bin/{configuration}/{framework}.");
    }

    private void Keep(string? line, string prefix)
    {
        if (line is null) return;
        _lines.Enqueue(string.Create(CultureInfo.InvariantCulture, $"[{Label} +{Stopwatch.GetElapsedTime(_started).TotalSeconds:0.000}s] {prefix}{line}"));
        while (_lines.Count > MaxKeptLines) _lines.TryDequeue(out _);
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(); // SIGKILL on Unix
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // already exited
        }
    }
}
