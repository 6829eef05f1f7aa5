using System.Net;
using System.Net.Sockets;

namespace GroupBuyBot.TestKit;

/// <summary>A loopback port nothing listens on (just released): connecting to it is "connection refused".</summary>
public static class ClosedPort
{
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
