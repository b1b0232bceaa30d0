using System.Globalization;
using Store.Domain.Rating;

namespace Store.Domain.Calls;

/// <summary>Checks a call record field by field; every problem names the field at fault.</summary>
public static class CallValidation
{
    public const int MaxCallIdLength = 128;

    /// <summary>The customer's number the record is about, read before the customer is known.</summary>
    public static Outcome<ClassifiedNumber> Account(CallRecordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var direction = ParseDirection(input.Direction);
        var text = !string.IsNullOrWhiteSpace(input.Account) ? input.Account
            : direction == CallDirection.Inbound ? input.Callee
            : input.Caller;
        var field = !string.IsNullOrWhiteSpace(input.Account) ? "account" : direction == CallDirection.Inbound ? "callee" : "caller";
        var french = NumberClassifier.Classify(field, text, "FR");
        return french.Succeeded ? french : NumberClassifier.Classify(field, text, "CH");
    }

    /// <summary>The checked call, its correspondents read in <paramref name="region"/> (the customer's country).</summary>
    public static Outcome<ValidCall> Read(CallRecordInput input, ClassifiedNumber account, string region)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<Problem>();
        var id = input.CallId?.Trim();
        if (string.IsNullOrEmpty(id) || id.Length > MaxCallIdLength)
        {
            problems.Add(new Problem("callId", $"Every record needs the platform's call id (1 to {MaxCallIdLength} characters).", "MISSING_CALL_ID"));
        }

        var direction = ParseDirection(input.Direction);
        if (direction is null)
        {
            problems.Add(new Problem("direction", $"'{input.Direction}' is not a direction: send outbound or inbound.", "INVALID_DIRECTION"));
        }

        var caller = NumberClassifier.Classify("caller", input.Caller, region);
        var callee = NumberClassifier.Classify("callee", input.Callee, region);
        problems.AddRange(caller.Problems);
        problems.AddRange(callee.Problems);
        var started = Time("startedAt", input.StartedAt, required: true, problems);
        var answered = Time("answeredAt", input.AnsweredAt, required: false, problems);
        var ended = Time("endedAt", input.EndedAt, required: true, problems);
        if (started is { } s && ended is { } e && e < s)
        {
            problems.Add(new Problem("endedAt", "The call ends before it starts.", "END_BEFORE_START"));
        }

        if (answered is { } a && ((started is { } s2 && a < s2) || (ended is { } e2 && a > e2)))
        {
            problems.Add(new Problem("answeredAt", "The answer time is outside the call.", "ANSWER_OUTSIDE_CALL"));
        }

        var disposition = ParseDisposition(input.Disposition, answered is not null);
        if (disposition is null)
        {
            problems.Add(new Problem("disposition", $"'{input.Disposition}' is not a disposition: send answered, no-answer, busy or failed.", "INVALID_DISPOSITION"));
        }
        else if (disposition == CallDisposition.Answered && answered is null && input.AnsweredAt is null)
        {
            problems.Add(new Problem("answeredAt", "An answered call needs its answer time.", "MISSING_ANSWER_TIME"));
        }

        if (input.RecordedSeconds is < 0)
        {
            problems.Add(new Problem("recordedSeconds", "Recorded seconds cannot be negative.", "INVALID_RECORDED_SECONDS"));
        }

        if (input.Tariff is < 0 || (input.TariffChanges is not null && ParseTariffChanges(input.TariffChanges) is null))
        {
            problems.Add(new Problem("tariffChanges", "Tariff changes are written \"60:2,180:89\": the second of the call, then the tariff number from 0.", "INVALID_TARIFF_CHANGES"));
        }

        if (problems.Count > 0)
        {
            return Outcome<ValidCall>.Failure(problems);
        }

        var seconds = disposition == CallDisposition.Answered && answered is { } at ? (int)Math.Floor((ended!.Value - at).TotalSeconds) : 0;
        var flags = (input.Transferred ? CallFlags.Transferred : CallFlags.None) | (input.Forwarded ? CallFlags.Forwarded : CallFlags.None) | (input.WebCallBack ? CallFlags.WebCallBack : CallFlags.None);
        return Outcome<ValidCall>.Success(new ValidCall(
            id!, account, string.IsNullOrWhiteSpace(input.User) ? "-" : input.User.Trim(), direction!.Value, caller.Value!, callee.Value!,
            started!.Value, disposition == CallDisposition.Answered ? answered : null, ended!.Value, disposition!.Value, seconds,
            Math.Min(input.RecordedSeconds ?? 0, seconds), flags, input.Tariff ?? 0, string.IsNullOrWhiteSpace(input.TariffChanges) ? null : input.TariffChanges.Trim()));
    }

    /// <summary>"60:2,180:89" as tariff changes, or null when it is not written that way.</summary>
    public static TariffChange[]? ParseTariffChanges(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var changes = new TariffChange[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var pair = parts[i].Split(':');
            if (pair.Length != 2 || !int.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out var at) || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var tariff)
                || (i > 0 && at < changes[i - 1].AtSecond))
            {
                return null;
            }

            changes[i] = new TariffChange(at, tariff);
        }

        return changes;
    }

    private static CallDirection? ParseDirection(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "outbound" or "out" or "outgoing" => CallDirection.Outbound,
        "inbound" or "in" or "incoming" => CallDirection.Inbound,
        _ => null,
    };

    private static CallDisposition? ParseDisposition(string? text, bool answered) => text?.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-') switch
    {
        null or "" => answered ? CallDisposition.Answered : CallDisposition.NoAnswer,
        "answered" => CallDisposition.Answered,
        "no-answer" or "noanswer" => CallDisposition.NoAnswer,
        "busy" => CallDisposition.Busy,
        "failed" or "congestion" => CallDisposition.Failed,
        _ => null,
    };

    private static DateTimeOffset? Time(string field, string? text, bool required, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new Problem(field, "This time is required.", "MISSING_TIME"));
            }

            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            // Kept in UTC to the millisecond, as stored: calls order by instant whatever offset the platform wrote, and a
            // record sent again with microseconds is the same call, not a later version.
            var utc = time.ToUniversalTime();
            return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
        }

        problems.Add(new Problem(field, $"'{text}' is not a time: send ISO 8601 with an offset, such as 2025-03-10T14:03:22+01:00.", "INVALID_TIME"));
        return null;
    }
}
