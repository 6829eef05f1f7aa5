using System.Diagnostics;
using System.Globalization;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// <c>dotnet-trace collect</c> (the repository's local tool: <c>dotnet tool restore</c>) attached to the bot's process
/// for the timed part of the load: CPU samples and, with <c>gc-verbose</c>, sampled allocations by type. Stopped with
/// SIGINT, as Ctrl+C would. The tool takes processor time too, so figures of a profiled run are not the headline ones.
/// </summary>
public sealed class Profiler(string outputPath, string profile)
{
    private Process? _trace;

    public string OutputPath { get; } = Path.GetFullPath(outputPath);

    public async Task Start(int processId)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "dotnet-trace", "collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "--profile", profile, "-o", OutputPath })
        {
            start.ArgumentList.Add(arg);
        }

        _trace = Process.Start(start) ?? throw new InvalidOperationException("dotnet-trace did not start.");
        var recording = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _trace.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data.Contains("Recording trace", StringComparison.OrdinalIgnoreCase) || e.Data.Contains("Output File", StringComparison.OrdinalIgnoreCase))
            {
                recording.TrySetResult();
            }
        };
        _trace.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 }) Console.Error.WriteLine("dotnet-trace: " + e.Data);
        };
        _trace.BeginOutputReadLine();
        _trace.BeginErrorReadLine();
        await Task.WhenAny(recording.Task, _trace.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (_trace.HasExited) throw new InvalidOperationException($"dotnet-trace exited with {_trace.ExitCode}; run `dotnet tool restore` first.");
        await Task.Delay(500); // the session is up once the tool says so; let the first samples come
    }

    public async Task Stop()
    {
        if (_trace is null) return;
        // `dotnet dotnet-trace` is the muxer running the tool as its child: the child is the one to interrupt.
        foreach (var pid in ChildrenOf(_trace.Id).Append(_trace.Id))
        {
            using var interrupt = Process.Start("kill", ["-INT", pid.ToString(CultureInfo.InvariantCulture)]);
            await interrupt.WaitForExitAsync();
        }

        var stopped = _trace.WaitForExitAsync();
        if (await Task.WhenAny(stopped, Task.Delay(TimeSpan.FromSeconds(120))) != stopped) _trace.Kill();
        _trace.Dispose();
        _trace = null;
        Console.WriteLine($"Trace written to {OutputPath}");
    }

    /// <summary>Processes whose parent is <paramref name="parent"/>, from /proc/PID/stat.</summary>
    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent) children.Add(pid);
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }

        return children;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json"))) return dir.FullName;
        }

        return Directory.GetCurrentDirectory();
    }
}
