using GroupBuyBot.Core.SignUps.Replies;
using Microsoft.Extensions.Hosting;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>
/// Trains the learned reply intent (<see cref="ReplyIntentModel"/>, about a third of a second) beside start-up, so the
/// first unsure reply under a list does not wait for it inside its update.
/// </summary>
public sealed class ReplyIntentWarmUp : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => ReplyIntentModel.Default.Predict("+1"), stoppingToken);
}
