using Microsoft.Extensions.Hosting;

namespace GroupBuyBot.Playground;

/// <summary>
/// Times the bot's Bot API requests to the playground's own server. The host starts the bot's polling before
/// Kestrel and stops Kestrel first, so without this the bot's first and last calls would fail and log scary
/// "Telegram call failed" retries at every start and Ctrl+C.
/// </summary>
public sealed class ServerReadyHandler(IHostApplicationLifetime lifetime) : DelegatingHandler
{
    private static readonly TimeSpan StoppingGrace = TimeSpan.FromSeconds(3);

    private readonly Task _started = WhenStarted(lifetime);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _started.WaitAsync(cancellationToken);
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The server is going away: give the caller the chance to stop quietly before the call fails.
            await Task.Delay(StoppingGrace, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private static Task WhenStarted(IHostApplicationLifetime lifetime)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task;
    }
}
