using System.Threading.Channels;
using GroupBuyBot.Core.Discovery;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Discovery;

/// <summary>
/// The hand-off from update handling to the discovery worker: posting never waits (the hot path must not wait on
/// a model). Bounded so a flood cannot exhaust memory; a message that does not fit is logged, not silently lost.
/// </summary>
public sealed class DiscoveryInbox(DiscoveryOptions options, ILogger<DiscoveryInbox> logger)
{
    private readonly Channel<(long ChatId, ChatMessage Message)> _channel = Channel.CreateBounded<(long, ChatMessage)>(
        new BoundedChannelOptions(Math.Max(100, options.MaxQueuedMessages)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<(long ChatId, ChatMessage Message)> Reader => _channel.Reader;

    public void Post(long chatId, ChatMessage message)
    {
        if (!_channel.Writer.TryWrite((chatId, message)))
        {
            logger.LogWarning("Discovery queue full: message {MessageId} of chat {ChatId} not read for needs", message.Id, chatId);
        }
    }
}
