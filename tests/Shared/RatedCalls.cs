using Store.Domain;
using Store.Domain.Calls;
using Store.Domain.Persistence;
using Store.Domain.Rating;

namespace Store.Testing;

/// <summary>
/// Stores calls the way ingestion leaves them (the record with its day and month in the customer's zone, and its rated
/// charges), with premium Smart Number revenue where given: for tests of figures read from the database.
/// </summary>
public sealed class RatedCalls(StoreDb db, Guid customerId, string timeZone = LocalTime.Paris)
{
    private static readonly DateTimeOffset Rated = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A call on <paramref name="number"/> (its id and E.164); missed when <paramref name="seconds"/> is 0; a charge with the revenue when any.</summary>
    public CallRecord Add(Guid numberId, string number, string correspondent, DateTimeOffset startedAt, int seconds, decimal callerAmount = 0m, decimal share = 0m, CallDirection direction = CallDirection.Inbound)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(correspondent);
        var own = new ClassifiedNumber(number, NumberCategory.Special, "FR", false, long.Parse(number.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture));
        var other = new ClassifiedNumber(correspondent, NumberCategory.MetropolitanMobile, "FR", true, long.Parse(correspondent.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture));
        var answered = seconds > 0;
        var call = new ValidCall(
            $"test-{Guid.NewGuid():N}",
            own,
            "u1",
            direction,
            direction == CallDirection.Inbound ? other : own,
            direction == CallDirection.Inbound ? own : other,
            startedAt,
            answered ? startedAt : null,
            startedAt.AddSeconds(Math.Max(seconds, 20)),
            answered ? CallDisposition.Answered : CallDisposition.NoAnswer,
            seconds,
            0,
            CallFlags.None,
            0,
            null);
        var day = UsageMonth.DayOf(startedAt, timeZone);
        var record = new CallRecord(call, customerId, numberId, day, Rated);
        db.CallRecords.Add(record);
        if (callerAmount != 0m || share != 0m)
        {
            Charge(record, seconds, callerAmount, share);
        }

        return record;
    }

    /// <summary>A later adjustment of a call's revenue (a longer version of it, ...).</summary>
    public void Adjust(CallRecord record, int seconds, decimal callerAmount, decimal share) => Charge(record, seconds, callerAmount, share, AdjustmentReason.CallReplaced);

    private void Charge(CallRecord record, int seconds, decimal callerAmount, decimal share, AdjustmentReason? reason = null)
    {
        var line = new ChargeLine(Guid.Empty, Currency.EUR, ChargeCategory.SmartNumberPremium, RatingRule.PremiumPerMinute, 0, seconds, 0m, callerAmount, share);
        db.CallCharges.Add(new CallCharge(record.Id, customerId, record.Period, record.StartedAt, line, "2025-03", Rated, reason));
    }
}
