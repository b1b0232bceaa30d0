using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Store.Domain.Mail;
using Store.Domain.Persistence;

namespace Store.Jobs.Failures;

/// <summary>
/// Tells the operators when a job fails: logged as an error with the exception every time, and mailed through the
/// outbox on the first failure of an occurrence, when its retries are spent, and when a retry succeeds after a
/// failure. The retries themselves are Quartz's (the scheduler's default policy, see <see cref="JobRetries"/>),
/// kept in the job store, so a retry planned before a restart still happens.
/// </summary>
public sealed class JobFailureAlerts(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<JobFailureAlerts> logger) : IJobListener
{
    public const string MailKind = "job-alert";

    public string Name => nameof(JobFailureAlerts);

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.JobDetail.Key.ToString();
        var attempt = context.RetryAttempt;
        var allowed = context.RetryPolicy?.MaxAttempts ?? 0;
        string? subject;
        if (jobException is null)
        {
            if (attempt == 0)
            {
                return;
            }

            logger.LogWarning("Job {Job} succeeded on retry {Attempt}.", job, attempt);
            subject = $"[Store] {job}: succeeded on retry {attempt} / réussi à la reprise {attempt}";
        }
        else
        {
            var cause = jobException.InnerException ?? jobException;
            logger.LogError(cause, "Job {Job} failed (attempt {Attempt} of {Allowed}); retry planned: {Retry}.", job, attempt + 1, allowed + 1, context.RetryScheduled);
            subject = attempt == 0 && context.RetryScheduled
                ? $"[Store] {job}: failed, will be retried / a échoué, sera repris"
                : !context.RetryScheduled
                    ? $"[Store] {job}: failed after {attempt + 1} attempts / a échoué après {attempt + 1} essais"
                    : null;
        }

        var recipients = Recipients();
        if (subject is null || recipients.Count == 0)
        {
            return;
        }

        var body = Body(context, jobException, attempt, allowed);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            foreach (var to in recipients)
            {
                outbox.Enqueue(to, subject, body, null, MailKind);
            }

            await scope.ServiceProvider.GetRequiredService<StoreDb>().SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may be what failed the job; the error log above is then the alert.
            logger.LogCritical(e, "The alert about job {Job} could not be queued.", job);
        }
    }

    private List<string> Recipients()
    {
        var configured = configuration["Store:Jobs:AlertTo"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration["Store:Identity:BackOffice:Email"];
        }

        return [.. (configured ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private static string Body(IJobExecutionContext context, JobExecutionException? failure, int attempt, int allowed)
    {
        var lines = new List<string>
        {
            $"Job / tâche : {context.JobDetail.Key}",
            $"Fired at / lancée le : {context.FireTimeUtc.ToString("u", CultureInfo.InvariantCulture)}",
            $"Attempt / essai : {attempt + 1} of / sur {allowed + 1}",
        };
        foreach (var entry in context.MergedJobDataMap)
        {
            lines.Add($"{entry.Key} = {entry.Value}");
        }

        if (failure is not null)
        {
            var cause = failure.InnerException ?? failure;
            lines.Add(string.Empty);
            lines.Add(context.RetryScheduled
                ? "It will be retried automatically. / Elle sera reprise automatiquement."
                : "No retry is left: it needs a person. / Plus aucune reprise : une intervention est nécessaire.");
            lines.Add(string.Empty);
            lines.Add($"{cause.GetType().Name}: {cause.Message}");
        }
        else
        {
            lines.Add(string.Empty);
            lines.Add("The retry succeeded; nothing more to do. / La reprise a réussi ; rien de plus à faire.");
        }

        return string.Join('\n', lines);
    }
}
