namespace GroupBuyBot.Core.Tests.Evaluation;

/// <summary>Finds shared/eval by walking up from the test's base directory.</summary>
internal static class DevCorpus
{
    public static string File(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "eval");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(candidate, name);
            }
        }

        throw new InvalidOperationException($"No 'shared/eval' folder above {AppContext.BaseDirectory}: the dev corpora are required for this test.");
    }
}
