using System.Diagnostics;
using System.Globalization;

/// <summary>
/// A .NET startup hook (<c>DOTNET_STARTUP_HOOKS</c>) that <see cref="GroupBuyBot.TestKit.Processes.ChildProcess"/> loads into the
/// processes it starts: when the test process that started them is gone (it crashed, or was killed before it could clean up),
/// the child SIGKILLs itself, so a failed or aborted test run leaves no orphan bot behind. The runtime requires this exact
/// name, outside any namespace; it is a no-op in a process without <see cref="ParentPidVariable"/>.
/// </summary>
internal static class StartupHook
{
    public const string ParentPidVariable = "GROUPBUYBOT_TEST_PARENT_PID";

    public static void Initialize()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(ParentPidVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var parent)) return;
        var watchdog = new Thread(() => Watch(parent)) { IsBackground = true, Name = "test parent watchdog" };
        watchdog.Start();
    }

    private static void Watch(int parent)
    {
        while (true)
        {
            Thread.Sleep(250);
            if (!IsAlive(parent))
            {
                using var self = Process.GetCurrentProcess();
                self.Kill();
            }
        }
    }

    private static bool IsAlive(int parent)
    {
        if (OperatingSystem.IsLinux())
        {
            // Once the parent exits the child is re-parented (to init or a subreaper): its parent id changes at once,
            // even while the dead parent is still a zombie.
            try
            {
                var stat = File.ReadAllText("/proc/self/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return int.Parse(fields[1], CultureInfo.InvariantCulture) == parent;
            }
            catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
            {
                // fall back to asking for the process
            }
        }

        try
        {
            using var process = Process.GetProcessById(parent);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
