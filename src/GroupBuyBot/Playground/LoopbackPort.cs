using System.Net;
using System.Net.Sockets;

namespace GroupBuyBot.Playground;

/// <summary>Picks the loopback port before the app is built, because the bot's Bot API address must name it.</summary>
public static class LoopbackPort
{
    /// <summary><paramref name="preferred"/> when it is free (0: none preferred), otherwise any free port.</summary>
    public static int Choose(int preferred)
    {
        if (preferred > 0 && TryBind(preferred) is { } port) return port;
        return TryBind(0) ?? throw new InvalidOperationException("No free loopback port.");
    }

    private static int? TryBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
