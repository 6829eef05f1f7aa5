using System.Globalization;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.GroupBuys;
using Microsoft.Extensions.Options;
using Quartz;

namespace GroupBuyBot.Infrastructure.Scheduling;

/// <summary>
/// Each open buy has a trigger group <c>buy-{id}</c>: one deadline trigger and a reminder trigger per configured
/// offset. <see cref="Sync"/> replaces the whole group, so it always matches the buy as stored.
/// </summary>
public sealed class QuartzDeadlineSchedule(ISchedulerFactory schedulers, IOptions<SchedulingOptions> options, TimeProvider time) : IDeadlineSchedule
{
    public const string BuyIdKey = "buyId";
    public const string DeadlineKey = "deadline";
    private const string GroupPrefix = "buy-";

    public static readonly JobKey DeadlineJob = new("deadline", "groupbuy");
    public static readonly JobKey ReminderJob = new("reminder", "groupbuy");

    public async Task Sync(GroupBuy buy, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var group = GroupPrefix + buy.Id.ToString(CultureInfo.InvariantCulture);
        await scheduler.UnscheduleJobs(GroupMatcher<TriggerKey>.GroupEquals(group), ct);
        if (buy is not { Status: GroupBuyStatus.Open, Deadline: { } deadline }) return;

        var now = time.GetUtcNow();

        // A deadline already past (the bot was down) fires right away.
        await scheduler.ScheduleJob(Trigger(DeadlineJob, "deadline", group, buy.Id, deadline, deadline > now ? deadline : now), ScheduleJobOptions.Replacing, ct);
        foreach (var offset in options.Value.Offsets())
        {
            var at = deadline - offset;
            if (at <= now) continue; // a late reminder is noise: the deadline is nearer than it says
            var name = "reminder-" + ((long)offset.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await scheduler.ScheduleJob(Trigger(ReminderJob, name, group, buy.Id, deadline, at), ScheduleJobOptions.Replacing, ct);
        }
    }

    /// <summary>Removes every buy's triggers: reconciliation then recreates those of the open buys.</summary>
    public async Task Clear(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.UnscheduleJobs(GroupMatcher<TriggerKey>.GroupStartsWith(GroupPrefix), ct);
    }

    /// <summary>
    /// The two durable jobs every trigger points at; stored once, replaced at each start. A deadline that was running
    /// on an instance that died runs again on another (Quartz's recovery, when clustered): closing is idempotent. A
    /// reminder is not run again: a second one would be noise.
    /// </summary>
    public async Task StoreJobs(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.AddJob(JobBuilder.Create<BuyDeadlineJob>().WithIdentity(DeadlineJob).StoreDurably().RequestRecovery().Build(), AddJobOptions.Replacing, ct);
        await scheduler.AddJob(JobBuilder.Create<BuyReminderJob>().WithIdentity(ReminderJob).StoreDurably().Build(), AddJobOptions.Replacing, ct);
    }

    private static ITrigger Trigger(JobKey job, string name, string group, long buyId, DateTimeOffset deadline, DateTimeOffset at) =>
        TriggerBuilder.Create()
            .WithIdentity(name, group)
            .ForJob(job)
            .UsingJobData(BuyIdKey, buyId.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(DeadlineKey, deadline.UtcTicks.ToString(CultureInfo.InvariantCulture))
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
}
