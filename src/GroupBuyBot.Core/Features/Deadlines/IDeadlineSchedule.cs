using GroupBuyBot.Core.GroupBuys;

namespace GroupBuyBot.Core.Features.Deadlines;

/// <summary>
/// The deadline and reminder triggers of group buys. The database is the source of truth: <see cref="Sync"/>
/// makes a buy's triggers match what is stored, so it is safe to call again and again.
/// </summary>
public interface IDeadlineSchedule
{
    /// <summary>Schedules an open buy's deadline and reminders (replacing older ones); removes them otherwise.</summary>
    Task Sync(GroupBuy buy, CancellationToken ct);
}
