using GroupBuyBot.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GroupBuyBot;

/// <summary>Builds the worker host; shared by Program.cs and the integration tests, so tests run the real composition.</summary>
public static class BotHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddGroupBuyBot(builder.Configuration);
        return builder;
    }
}
