using GroupBuyBot.Core.Discovery;
using GroupBuyBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuyBot.IntegrationTests.Discovery;

/// <summary>Which quiet period the composed bot uses: long only where it saves model calls.</summary>
public class DiscoveryCompositionTests
{
    [Theory]
    [InlineData(null, null, 120_000)]                       // embedded extractor only: suggestions within minutes
    [InlineData("http://127.0.0.1:9/v1", null, 1_800_000)]  // a model: fewer, larger calls
    [InlineData(null, "5000", 5000)]                        // configured explicitly: as configured
    public void The_quiet_period_depends_on_whether_a_model_is_configured(string? llmBaseUrl, string? quietMs, int expected)
    {
        using var folder = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["GroupBuyBot:Database:DataDirectory"] = folder.Path };
        if (llmBaseUrl is not null)
        {
            settings["GroupBuyBot:Llm:BaseUrl"] = llmBaseUrl;
            settings["GroupBuyBot:Llm:Model"] = "test-model";
        }

        if (quietMs is not null) settings["GroupBuyBot:Discovery:BatchQuietMilliseconds"] = quietMs;

        using var host = BotHost.CreateBuilder([], settings).Build();

        Assert.Equal(expected, host.Services.GetRequiredService<DiscoveryOptions>().BatchQuietMilliseconds);
    }
}
