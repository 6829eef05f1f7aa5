using System.Globalization;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Infrastructure.Pipeline;
using GroupBuyBot.Infrastructure.Telemetry;
using Quartz;

namespace GroupBuyBot.Infrastructure.Scheduling;

/// <summary>
/// A buy's deadline: close it (formed or failed). If this run won the close, the notifications were stored with it
/// (the outbox) and go out from there.
/// </summary>
public sealed class BuyDeadlineJob(DeadlineCloser closer, BotMetrics metrics) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (await closer.CloseIfDue(JobData.BuyId(context), cancellationToken) is { Outcome.Ended: { } ended }) metrics.DeadlineClosed(ended.Status);
    }
}

/// <summary>A reminder before a buy's deadline; says nothing when there is nothing useful to say.</summary>
public sealed class BuyReminderJob(DeadlineReminder reminder, OutcomeRecorder recorder) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var deadline = new DateTimeOffset(long.Parse(context.MergedJobDataMap.GetString(QuartzDeadlineSchedule.DeadlineKey)!, CultureInfo.InvariantCulture), TimeSpan.Zero);
        var reminded = await reminder.Remind(JobData.BuyId(context), deadline, cancellationToken);
        if (reminded is not null) await recorder.Record(reminded.Context, reminded.Outcome, cancellationToken);
    }
}

internal static class JobData
{
    public static long BuyId(IJobExecutionContext context) =>
        long.Parse(context.MergedJobDataMap.GetString(QuartzDeadlineSchedule.BuyIdKey)!, CultureInfo.InvariantCulture);
}
