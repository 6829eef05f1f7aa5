using System.Net;
using GroupBuyBot.BotApiEmulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.BotApiEmulator;

/// <summary>A loopback Telegram Bot API server on its own Kestrel instance; the driver lives on <see cref="State"/>.</summary>
public sealed class BotApiEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotApiEmulator(WebApplication app, EmulatorState state, Uri baseUrl)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:PORT — pass it to <c>TelegramBotClientOptions(token, baseUrl)</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The emulated Telegram and its driver operations (users, chats, posting, taps, faults, reads).</summary>
    public EmulatorState State { get; }

    public BotApiEmulatorOptions Options => State.Options;

    public static async Task<BotApiEmulator> StartAsync(BotApiEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BotApiEmulatorOptions();
        var state = new EmulatorState(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        // Long polls end when the state is disposed, so shutdown need not wait long.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.MapBotApiEmulator(state);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotApiEmulator(app, state, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        State.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
