using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuyBot.Infrastructure.Web;

/// <summary>
/// The small web servers inside the bot (health and metrics, the webhook): Kestrel on one address, nothing else.
/// Not <c>WebApplication.CreateSlimBuilder</c>: that reads appsettings.json and environment variables again and
/// watches the content root for changes, which is the bot's working directory, where SQLite writes its files: every
/// write woke the watcher (about 3% of the bot's processor time under load).
/// </summary>
public static class EmbeddedWebServer
{
    public static WebApplicationBuilder CreateBuilder(string address, int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(address), port));
        builder.Services.AddRoutingCore();
        return builder;
    }
}
