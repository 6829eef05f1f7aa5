using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace GroupBuyBot.TestKit;

/// <summary>
/// A loopback TCP relay in front of a server, for network faults: <see cref="Cut"/> resets every open connection
/// and resets new ones too (as a dropped link or a restarting server does) until <see cref="Restore"/>.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Uri _target;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _cut;
    private int _refused;
    private int _accepted;

    private TcpRelay(Uri target, int port)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, port);
    }

    /// <summary>The relay's address, to give the client instead of the server's.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <param name="port">0 for any free port; a given one to bring a closed port back (a provider restarting).</param>
    public static TcpRelay Start(Uri target, int port = 0)
    {
        var relay = new TcpRelay(target, port);
        relay._listener.Start();
        relay.BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)relay._listener.LocalEndpoint).Port}");
        // On the thread pool: started from a test's synchronization context, the relay's continuations would wait for
        // that thread, and a client blocking it on a synchronous call through the relay would never get its answer.
        _ = Task.Run(relay.Accept);
        return relay;
    }

    public void Cut()
    {
        _cut = true;
        foreach (var connection in _open.Keys) Reset(connection);
    }

    public void Restore() => _cut = false;

    /// <summary>Connections relayed so far (each one a client's attempt).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Connections reset on arrival while the relay was cut (each one a client's attempt).</summary>
    public int Refused => Volatile.Read(ref _refused);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var connection in _open.Keys) Reset(connection);
        _stop.Dispose();
    }

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_cut)
            {
                Interlocked.Increment(ref _refused);
                Reset(client);
            }
            else
            {
                Interlocked.Increment(ref _accepted);
                _ = Relay(client);
            }
        }
    }

    private async Task Relay(TcpClient client)
    {
        using var upstream = new TcpClient();
        _open[client] = 0;
        _open[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // a reset connection: the client sees it as such
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(upstream, out _);
            Reset(client);
        }
    }

    /// <summary>Closes with RST instead of FIN: the peer gets "connection reset by peer".</summary>
    private static void Reset(TcpClient connection)
    {
        try
        {
            if (connection.Client is not { } socket) return; // already closed
            socket.LingerState = new LingerOption(true, 0);
            connection.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // already gone
        }
    }
}
