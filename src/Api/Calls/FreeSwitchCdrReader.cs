using System.Globalization;
using System.Text.Json;
using Store.Domain;
using Store.Domain.Calls;

namespace Store.Api.Calls;

/// <summary>
/// FreeSWITCH mod_json_cdr: one CDR object (or an array of them) whose "variables" hold the call, URL-encoded:
/// uuid, direction, caller_id_number, destination_number, start_epoch / answer_epoch / end_epoch (or start_stamp ...
/// in <c>timeZone</c>), hangup_cause, accountcode, user_name. The dialplan may set Store's own variables:
/// store_direction, store_account, store_user, store_transferred, store_forwarded, store_web_call_back,
/// store_recorded_seconds, store_tariff, store_tariff_changes.
/// </summary>
public static class FreeSwitchCdrReader
{
    public const string Format = "freeswitch";

    public static IReadOnlyList<ReceivedCall> Read(JsonElement body, TimeZoneInfo zone)
    {
        var cdrs = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().ToList() : [body];
        var calls = new List<ReceivedCall>(cdrs.Count);
        foreach (var cdr in cdrs)
        {
            var raw = cdr.GetRawText();
            if (cdr.ValueKind != JsonValueKind.Object || !cdr.TryGetProperty("variables", out var variables) || variables.ValueKind != JsonValueKind.Object)
            {
                calls.Add(new ReceivedCall(new CallRecordInput(), raw, new Problem("variables", "A FreeSWITCH JSON CDR has a \"variables\" object.", "UNREADABLE_RECORD")));
                continue;
            }

            calls.Add(new ReceivedCall(ToInput(variables, zone), raw));
        }

        return calls;
    }

    private static CallRecordInput ToInput(JsonElement v, TimeZoneInfo zone)
    {
        var answer = Time(v, "answer_epoch", "answer_stamp", zone);
        var cause = Text(v, "hangup_cause")?.ToUpperInvariant();
        return new CallRecordInput
        {
            CallId = Text(v, "uuid"),
            Account = Text(v, "store_account") ?? Text(v, "accountcode"),
            User = Text(v, "store_user") ?? Text(v, "user_name") ?? Text(v, "sip_from_user"),
            Direction = Text(v, "store_direction") ?? Text(v, "direction"),
            Caller = Text(v, "caller_id_number") ?? Text(v, "effective_caller_id_number"),
            Callee = Text(v, "destination_number") ?? Text(v, "callee_id_number"),
            StartedAt = Time(v, "start_epoch", "start_stamp", zone),
            AnsweredAt = answer,
            EndedAt = Time(v, "end_epoch", "end_stamp", zone),
            Disposition = answer is not null ? "answered"
                : cause is "USER_BUSY" ? "busy"
                : cause is "NO_ANSWER" or "ORIGINATOR_CANCEL" or "NO_USER_RESPONSE" or "NORMAL_CLEARING" or null ? "no-answer"
                : "failed",
            RecordedSeconds = int.TryParse(Text(v, "store_recorded_seconds") ?? Text(v, "record_seconds"), CultureInfo.InvariantCulture, out var recorded) ? recorded : null,
            Transferred = IsTrue(Text(v, "store_transferred")),
            Forwarded = IsTrue(Text(v, "store_forwarded")),
            WebCallBack = IsTrue(Text(v, "store_web_call_back")),
            Tariff = int.TryParse(Text(v, "store_tariff"), CultureInfo.InvariantCulture, out var tariff) ? tariff : null,
            TariffChanges = Text(v, "store_tariff_changes"),
        };
    }

    private static bool IsTrue(string? text) => text is "true" or "1" or "yes";

    private static string? Text(JsonElement variables, string name)
    {
        if (!variables.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : Uri.UnescapeDataString(text);
    }

    /// <summary>The epoch in seconds (0 meaning never), else the local stamp; the text as sent when it is neither, for validation to name.</summary>
    private static string? Time(JsonElement v, string epochName, string stampName, TimeZoneInfo zone)
    {
        var epoch = Text(v, epochName);
        if (epoch is not null)
        {
            if (!long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return epoch;
            }

            return seconds == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("o", CultureInfo.InvariantCulture);
        }

        var stamp = Text(v, stampName);
        if (stamp is null)
        {
            return null;
        }

        return DateTime.TryParseExact(stamp, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("o", CultureInfo.InvariantCulture)
            : stamp;
    }
}
