using System.Globalization;
using Store.Domain.Numbers;

namespace Store.Domain.Calls;

/// <summary>A call event as the platform sends it, before any check.</summary>
public sealed record IncomingCallEvent(
    string? EventId,
    string? CallId,
    string? Number,
    string? AccountId,
    string? Kind,
    DateTimeOffset? At,
    string? Caller,
    string? Callee,
    string? Direction,
    int? DurationSeconds = null,
    decimal? TariffPerMinute = null,
    decimal? Revenue = null);

/// <summary>A call event that passed the checks: its number in E.164, its kind and direction read.</summary>
public sealed record CheckedCallEvent(
    string EventId,
    string CallId,
    string? Number,
    string? AccountId,
    CallEventKind Kind,
    DateTimeOffset At,
    CallDirection Direction,
    string? Caller,
    string? Callee,
    int? DurationSeconds,
    decimal? TariffPerMinute,
    decimal? Revenue);

/// <summary>What a call event must be for Store to take it.</summary>
public static class CallEventRules
{
    /// <summary>How far ahead of Store's clock an event may be dated (clocks drift).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Older events belong to call records, not to live statistics.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(2);

    public static Outcome<CheckedCallEvent> Check(string field, IncomingCallEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        var problems = new List<Problem>();
        Identifier("eventId", e.EventId);
        Identifier("callId", e.CallId);

        string? number = null;
        if (string.IsNullOrWhiteSpace(e.Number) && string.IsNullOrWhiteSpace(e.AccountId))
        {
            problems.Add(new Problem($"{field}.number", "Give the customer's number (E.164) or its account id.", "NUMBER_OR_ACCOUNT_REQUIRED"));
        }
        else if (!string.IsNullOrWhiteSpace(e.Number))
        {
            var e164 = PhoneNumberText.ToE164($"{field}.number", e.Number);
            problems.AddRange(e164.Problems);
            number = e164.Value;
        }

        var kind = Parse<CallEventKind>("kind", e.Kind, "started, answered or ended");
        var direction = Parse<CallDirection>("direction", e.Direction, "inbound or outbound");
        if (e.At is not { } at)
        {
            problems.Add(new Problem($"{field}.at", "Give the time of the event (ISO 8601 with its offset).", "REQUIRED"));
        }
        else if (at > now + MaxClockSkew)
        {
            problems.Add(new Problem($"{field}.at", $"The event is dated in the future ({at:O}); Store's clock says {now:O}.", "IN_THE_FUTURE"));
        }
        else if (at < now - MaxAge)
        {
            problems.Add(new Problem($"{field}.at", "The event is older than two days: send the call as a call record instead.", "TOO_OLD"));
        }

        Party("caller", e.Caller);
        Party("callee", e.Callee);
        if (e.DurationSeconds is { } seconds && (seconds < 0 || seconds > 86_400 || kind != CallEventKind.Ended))
        {
            problems.Add(new Problem($"{field}.durationSeconds", "A duration comes with an ended event, between 0 and 86400 seconds.", "INVALID_DURATION"));
        }

        if (e.TariffPerMinute is not null || e.Revenue is not null)
        {
            if (e.TariffPerMinute is < 0 or > 100 || e.Revenue is < 0 or > 100_000)
            {
                problems.Add(new Problem($"{field}.revenue", "A tariff is between 0 and 100 a minute, a revenue between 0 and 100000.", "INVALID_AMOUNT"));
            }
            else if (number is null || !PhoneNumberText.IsPremiumRate(number))
            {
                problems.Add(new Problem($"{field}.revenue", "Only calls to a premium-rate (090x) number carry a tariff or a revenue.", "NOT_PREMIUM_RATE"));
            }
        }

        return problems.Count > 0
            ? Outcome<CheckedCallEvent>.Failure(problems)
            : Outcome<CheckedCallEvent>.Success(new CheckedCallEvent(
                e.EventId!.Trim(), e.CallId!.Trim(), number, NullIfBlank(e.AccountId), kind!.Value, e.At!.Value, direction!.Value,
                NullIfBlank(e.Caller), NullIfBlank(e.Callee), e.DurationSeconds, e.TariffPerMinute, e.Revenue));

        void Identifier(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new Problem($"{field}.{name}", $"Give the {name}.", "REQUIRED"));
            }
            else if (value.Trim().Length > CallEvent.MaxIdLength)
            {
                problems.Add(new Problem($"{field}.{name}", $"The {name} is longer than {CallEvent.MaxIdLength} characters.", "TOO_LONG"));
            }
        }

        void Party(string name, string? value)
        {
            if (value is { Length: > CallEvent.MaxPartyLength })
            {
                problems.Add(new Problem($"{field}.{name}", $"The {name} is longer than {CallEvent.MaxPartyLength} characters.", "TOO_LONG"));
            }
        }

        T? Parse<T>(string name, string? value, string expected)
            where T : struct, Enum
        {
            if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                return parsed;
            }

            problems.Add(new Problem($"{field}.{name}", $"The {name} is {expected}.", "INVALID_" + name.ToUpperInvariant()));
            return null;
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
