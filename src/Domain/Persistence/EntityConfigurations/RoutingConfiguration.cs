using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Store.Domain.Numbers.Routing;

namespace Store.Domain.Persistence.EntityConfigurations;

internal sealed class ScheduledDestinationChangeConfiguration : IEntityTypeConfiguration<ScheduledDestinationChange>
{
    public void Configure(EntityTypeBuilder<ScheduledDestinationChange> b)
    {
        b.ToTable("ScheduledDestinationChanges");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Destination).HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => new { c.Status, c.EffectiveAt });
        b.HasIndex(c => c.NumberId);
    }
}

internal sealed class BlockedCallerConfiguration : IEntityTypeConfiguration<BlockedCaller>
{
    public void Configure(EntityTypeBuilder<BlockedCaller> b)
    {
        b.ToTable("BlockedCallers");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Caller).HasMaxLength(16);
        b.Property(c => c.Note).HasMaxLength(200);
        b.HasIndex(c => new { c.NumberId, c.Caller }).IsUnique();
    }
}

/// <summary>A routing schedule is one value: stored as a JSON document beside its number, read and written whole.</summary>
internal sealed class RoutingScheduleConverter() : ValueConverter<RoutingSchedule, string>(s => Write(s), json => Read(json))
{
    public static readonly ValueComparer<RoutingSchedule> Comparer = new(
        (a, b) => Write(a!) == Write(b!),
        s => Write(s).GetHashCode(StringComparison.Ordinal),
        s => s);

    private sealed record StoredStep(string Destination, int RingSeconds);

    private sealed record StoredWindow(int[] Days, string From, string Until, StoredStep[] Steps);

    private sealed record StoredSchedule(int FallbackOn, StoredWindow[] Windows);

    private static string Write(RoutingSchedule s) => JsonSerializer.Serialize(new StoredSchedule(
        (int)s.FallbackOn,
        [.. s.Windows.Select(w => new StoredWindow(
            [.. w.Days.Select(d => (int)d)],
            w.From.ToString("HH:mm", CultureInfo.InvariantCulture),
            w.Until.ToString("HH:mm", CultureInfo.InvariantCulture),
            [.. w.Steps.Select(x => new StoredStep(x.Destination, x.RingSeconds))]))]));

    private static RoutingSchedule Read(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredSchedule>(json) ?? throw new InvalidOperationException("A stored routing schedule is empty.");
        return RoutingSchedule.Restore(
            [.. stored.Windows.Select(w => new RoutingWindow(
                [.. w.Days.Select(d => (DayOfWeek)d)],
                TimeOnly.ParseExact(w.From, "HH:mm", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(w.Until, "HH:mm", CultureInfo.InvariantCulture),
                [.. w.Steps.Select(x => new RoutingStep(x.Destination, x.RingSeconds))]))],
            (FallbackTriggers)stored.FallbackOn);
    }
}
