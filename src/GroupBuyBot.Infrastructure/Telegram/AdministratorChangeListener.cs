using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>Forgets a chat's cached administrators when another instance reports that Telegram changed them.</summary>
public sealed class AdministratorChangeListener(ChangeNotices notices, ChatAdministrators administrators) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => notices.Listen(administrators.ForgetHere, stoppingToken);
}
