using System.Globalization;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Infrastructure.Telegram;
using Quartz;

namespace GroupBuyBot.Infrastructure.Scheduling;

/// <summary>A buy's deadline: close it (formed or failed) and, if this run won the close, tell everyone.</summary>
public sealed class BuyDeadlineJob(DeadlineCloser closer, OutcomePresenter presenter) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var closed = await closer.CloseIfDue(JobData.BuyId(context), cancellationToken);
        if (closed is not null) await presenter.Present(closed.Context, closed.Outcome, null, cancellationToken);
    }
}

/// <summary>A reminder before a buy's deadline; says nothing when there is nothing useful to say.</summary>
public sealed class BuyReminderJob(DeadlineReminder reminder, OutcomePresenter presenter) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var deadline = new DateTimeOffset(long.Parse(context.MergedJobDataMap.GetString(QuartzDeadlineSchedule.DeadlineKey)!, CultureInfo.InvariantCulture), TimeSpan.Zero);
        var reminded = await reminder.Remind(JobData.BuyId(context), deadline, cancellationToken);
        if (reminded is not null) await presenter.Present(reminded.Context, reminded.Outcome, null, cancellationToken);
    }
}

internal static class JobData
{
    public static long BuyId(IJobExecutionContext context) =>
        long.Parse(context.MergedJobDataMap.GetString(QuartzDeadlineSchedule.BuyIdKey)!, CultureInfo.InvariantCulture);
}
