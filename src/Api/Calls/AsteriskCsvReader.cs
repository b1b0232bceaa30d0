using System.Globalization;
using System.Text;
using Store.Domain;
using Store.Domain.Calls;

namespace Store.Api.Calls;

/// <summary>
/// Asterisk's Master.csv (cdr_csv), one call a line, no header: accountcode, src, dst, dcontext, clid, channel,
/// dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, uniqueid, userfield.
/// Times are the switch's local time, in <c>timeZone</c> (UTC unless told). Inbound calls are those whose dcontext
/// says so (from-trunk, from-pstn, from-external, inbound, incoming). The userfield may carry Store's flags, separated
/// by semicolons: transferred, forwarded, webcallback, inbound, outbound, recorded=SECONDS, tariff=N, tariffchanges=60:2|180:89.
/// </summary>
public static class AsteriskCsvReader
{
    public const string Format = "asterisk";
    private const int Columns = 18;
    private static readonly string[] InboundContexts = ["from-trunk", "from-pstn", "from-external", "inbound", "incoming", "from-did"];

    public static IReadOnlyList<ReceivedCall> Read(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        var calls = new List<ReceivedCall>();
        foreach (var line in text.Split('\n'))
        {
            var raw = line.TrimEnd('\r');
            if (raw.Length == 0 || raw.StartsWith("accountcode,", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("\"accountcode\",", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fields = Split(raw);
            if (fields.Count != Columns)
            {
                calls.Add(new ReceivedCall(new CallRecordInput { CallId = fields.Count > 16 ? fields[16] : null }, raw, new Problem("line", $"An Asterisk CDR line has {Columns} columns; this one has {fields.Count}.", "UNREADABLE_RECORD")));
                continue;
            }

            calls.Add(new ReceivedCall(ToInput(fields, zone), raw));
        }

        return calls;
    }

    private static CallRecordInput ToInput(List<string> f, TimeZoneInfo zone)
    {
        var flags = f[17].Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Split('=', 2)).ToDictionary(t => t[0].ToLowerInvariant(), t => t.Length > 1 ? t[1] : string.Empty, StringComparer.Ordinal);
        var inbound = flags.ContainsKey("inbound") || (!flags.ContainsKey("outbound") && InboundContexts.Any(c => f[3].Contains(c, StringComparison.OrdinalIgnoreCase)));
        return new CallRecordInput
        {
            CallId = f[16],
            Account = f[0].Length > 0 && f[0].TrimStart('+').All(char.IsAsciiDigit) ? f[0] : null,
            User = UserOf(inbound ? f[6] : f[5]),
            Direction = inbound ? "inbound" : "outbound",
            Caller = f[1],
            Callee = f[2],
            StartedAt = Time(f[9], zone),
            AnsweredAt = Time(f[10], zone),
            EndedAt = Time(f[11], zone),
            Disposition = f[14].Length == 0 ? null : f[14],
            RecordedSeconds = flags.TryGetValue("recorded", out var recorded) && int.TryParse(recorded, CultureInfo.InvariantCulture, out var seconds) ? seconds : null,
            Transferred = flags.ContainsKey("transferred"),
            Forwarded = flags.ContainsKey("forwarded"),
            WebCallBack = flags.ContainsKey("webcallback"),
            Tariff = flags.TryGetValue("tariff", out var tariff) && int.TryParse(tariff, CultureInfo.InvariantCulture, out var t) ? t : null,
            TariffChanges = flags.TryGetValue("tariffchanges", out var changes) ? changes.Replace('|', ',') : null,
        };
    }

    /// <summary>"SIP/alice-0000002a" or "PJSIP/alice-00000001" is alice's channel.</summary>
    private static string? UserOf(string channel)
    {
        var slash = channel.IndexOf('/', StringComparison.Ordinal);
        var dash = channel.LastIndexOf('-');
        return slash >= 0 && dash > slash ? channel[(slash + 1)..dash] : channel.Length > 0 ? channel : null;
    }

    /// <summary>The switch's local time as ISO 8601 with its offset; left as sent when it is not a time, for validation to name.</summary>
    private static string? Time(string text, TimeZoneInfo zone)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return text;
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("o", CultureInfo.InvariantCulture);
    }

    /// <summary>A CSV line: fields in double quotes may hold commas and doubled quotes ("""Alice"" &lt;0145&gt;").</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>(Columns);
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
