using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Store.Domain;
using Store.Domain.Calls;
using Store.Domain.Numbers;
using Store.Domain.Persistence;

namespace Store.Api.Live.Simulator;

/// <summary>The traffic simulator, under Store:Simulator (on in Development).</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Store:Simulator";

    public bool Enabled { get; set; }

    /// <summary>New calls an hour on each number during business hours; a third of that at night and at weekends.</summary>
    public double CallsPerHourPerNumber { get; set; } = 90;

    /// <summary>The active numbers it calls, at most.</summary>
    public int MaxNumbers { get; set; } = 20;
}

/// <summary>
/// Calls on the active numbers (in Development, the demo accounts'), sent through the same ingestion as the
/// platform's: calls ring, most are answered, some are missed, a few are outbound; premium-rate calls carry their
/// tariff. Now and then an event is lost on purpose, as on a real network, so the dashboards show how Store copes.
/// </summary>
public sealed partial class TrafficSimulator(IServiceScopeFactory scopes, IOptions<SimulatorOptions> options, TimeProvider clock, ILogger<TrafficSimulator> log) : BackgroundService
{
    private readonly Random _random = new();
    private readonly List<SimulatedCall> _calls = [];
    private List<Line> _lines = [];
    private DateTimeOffset _linesReadAt = DateTimeOffset.MinValue;

    private sealed record Line(string E164, string TimeZone, bool Premium);

    private sealed class SimulatedCall(string id, Line line, CallDirection direction, string party, DateTimeOffset startedAt, DateTimeOffset? answerAt, DateTimeOffset endAt)
    {
        public string Id { get; } = id;

        public Line Line { get; } = line;

        public CallDirection Direction { get; } = direction;

        public string Party { get; } = party;

        public DateTimeOffset StartedAt { get; } = startedAt;

        public DateTimeOffset? AnswerAt { get; } = answerAt;

        public DateTimeOffset EndAt { get; } = endAt;

        public bool Answered { get; set; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        LogStarted(log);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogTickFailed(log, e);
            }
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        if (now - _linesReadAt > TimeSpan.FromMinutes(1))
        {
            _linesReadAt = now;
            _lines = await ReadLinesAsync(scope.ServiceProvider.GetRequiredService<StoreDb>(), cancellationToken);
        }

        var events = new List<IncomingCallEvent>();
        foreach (var line in _lines)
        {
            var local = LocalTime.In(now, line.TimeZone);
            var busy = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 8 and < 19;
            var perSecond = options.Value.CallsPerHourPerNumber / 3600 * (busy ? 1 : 1.0 / 3);
            if (_random.NextDouble() < perSecond)
            {
                var call = NewCall(line, now);
                _calls.Add(call);
                if (_random.NextDouble() > 0.01)
                {
                    events.Add(Event(call, CallEventKind.Started, now));
                }
            }
        }

        foreach (var call in _calls.ToList())
        {
            if (call.AnswerAt is { } answerAt && !call.Answered && answerAt <= now)
            {
                call.Answered = true;
                events.Add(Event(call, CallEventKind.Answered, answerAt));
            }

            if (call.EndAt <= now)
            {
                _calls.Remove(call);
                if (_random.NextDouble() > 0.005)
                {
                    var talk = call.AnswerAt is { } answered ? (int)(call.EndAt - answered).TotalSeconds : 0;
                    events.Add(Event(call, CallEventKind.Ended, call.EndAt) with { DurationSeconds = talk });
                }
            }
        }

        if (events.Count > 0)
        {
            var batch = events.Select(e => new CallEventSubmission(e, "simulator")).ToList();
            await scope.ServiceProvider.GetRequiredService<CallEventIngestion>().IngestAsync(batch, "simulator", cancellationToken);
        }
    }

    private SimulatedCall NewCall(Line line, DateTimeOffset now)
    {
        var direction = line.Premium || _random.NextDouble() < 0.75 ? CallDirection.Inbound : CallDirection.Outbound;
        var ring = TimeSpan.FromSeconds(3 + _random.Next(15));
        var answered = _random.NextDouble() < (direction == CallDirection.Inbound ? 0.8 : 0.7);

        // Talk time: exponential, a minute and a half on average (six for a premium-rate line), at least 5 s.
        var mean = line.Premium ? 360 : 90;
        var talk = TimeSpan.FromSeconds(5 + (-Math.Log(1 - _random.NextDouble()) * mean));
        var answerAt = answered ? now + ring : (DateTimeOffset?)null;
        var endAt = answered ? now + ring + talk : now + ring + TimeSpan.FromSeconds(10 + _random.Next(15));
        var party = "+336" + _random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SimulatedCall("sim-" + Guid.NewGuid().ToString("N"), line, direction, party, now, answerAt, endAt);
    }

    private static IncomingCallEvent Event(SimulatedCall call, CallEventKind kind, DateTimeOffset at) => new(
        Guid.NewGuid().ToString("N"),
        call.Id,
        call.Line.E164,
        null,
        kind.ToString(),
        at,
        call.Direction == CallDirection.Inbound ? call.Party : call.Line.E164,
        call.Direction == CallDirection.Inbound ? call.Line.E164 : call.Party,
        call.Direction.ToString(),
        TariffPerMinute: call.Line.Premium && kind == CallEventKind.Started ? 2.50m : null);

    private async Task<List<Line>> ReadLinesAsync(StoreDb db, CancellationToken cancellationToken)
    {
        var lines = await db.Numbers.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.Status == NumberStatus.Active)
            .OrderBy(n => n.CreatedAt)
            .Take(options.Value.MaxNumbers)
            .Join(db.Customers.IgnoreQueryFilters(), n => n.CustomerId, c => c.Id, (n, c) => new { n.E164, c.TimeZone })
            .ToListAsync(cancellationToken);
        return [.. lines.Select(l => new Line(l.E164, l.TimeZone, PhoneNumberText.IsPremiumRate(l.E164)))];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Traffic simulator on: calls on the active numbers every few seconds (Store:Simulator:Enabled)")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A simulator tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
