using Microsoft.AspNetCore.Http;

namespace GroupBuyBot.Playground;

/// <summary>The page's files, embedded in the assembly so <c>dotnet run</c> serves them from any working folder.</summary>
public static class PlaygroundAssets
{
    private const string ResourcePrefix = "GroupBuyBot.Playground.wwwroot.";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IResult Serve(string name)
    {
        var stream = typeof(PlaygroundAssets).Assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null || !ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
        {
            stream?.Dispose();
            return Results.NotFound();
        }

        return Results.Stream(stream, contentType);
    }
}
