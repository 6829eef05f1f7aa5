using Microsoft.Playwright;

namespace GroupBuyBot.PlaygroundTests;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download cannot work here; .ci/run installs
/// the <c>chromium</c> package). Flags keep Chromium off the network: no background services, updates or sync.
/// </summary>
public static class Browser
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"No Chromium at {ExecutablePath}: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH).");
        }

        // Playwright waits 5 s for an expectation by default: a fresh bot process's first answers (code compiled on first
        // use) can take longer than that on a loaded 2-core machine, which failed CI at random. Waiting longer changes
        // nothing a test asserts, only how long a failing one takes to fail.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: TestResults/playground at the repository root (kept by CI as artifacts).</summary>
    public static string ScreenshotPath(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GroupBuyBot.sln"))) directory = directory.Parent;
        var folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "playground");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
