using System.Text.Json;
using Store.Domain;
using Store.Domain.Calls;

namespace Store.Api.Calls;

/// <summary>Store's own format: {"records": [ { "callId": ..., "caller": ..., ... } ]} or the bare array, one record at a time.</summary>
public static class JsonCallReader
{
    public const string Format = "json";

    public static IReadOnlyList<ReceivedCall> Read(JsonElement body)
    {
        var records = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("records", out var inner) ? inner : body;
        if (records.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Send {\"records\": [...]} or an array of records.");
        }

        var calls = new List<ReceivedCall>(records.GetArrayLength());
        foreach (var record in records.EnumerateArray())
        {
            calls.Add(ReadOne(record));
        }

        return calls;
    }

    public static ReceivedCall ReadOne(JsonElement record)
    {
        var raw = record.GetRawText();
        try
        {
            return record.ValueKind == JsonValueKind.Object
                ? new ReceivedCall(CallRecordInput.FromJson(record), raw)
                : new ReceivedCall(new CallRecordInput(), raw, new Problem("record", "A record is a JSON object.", "UNREADABLE_RECORD"));
        }
        catch (JsonException e)
        {
            return new ReceivedCall(new CallRecordInput(), raw, new Problem(e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "record", "This field has the wrong type: " + e.Message.Split(" Path:")[0], "UNREADABLE_RECORD"));
        }
    }
}
