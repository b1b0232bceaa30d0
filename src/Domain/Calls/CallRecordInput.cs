using System.Text.Json;

namespace Store.Domain.Calls;

/// <summary>
/// A call record as the platform sends it, whatever the format (JSON, Asterisk CSV, FreeSWITCH JSON), field by field
/// and still as text: checked by <see cref="CallValidation"/>, kept as is in quarantine when it fails.
/// Times are ISO 8601 with an offset ("2025-03-10T14:03:22+01:00"); numbers E.164 or national.
/// </summary>
public sealed record CallRecordInput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public string? CallId { get; init; }

    /// <summary>The customer's number; when absent, the caller of an outbound call or the callee of an inbound one.</summary>
    public string? Account { get; init; }

    public string? User { get; init; }

    /// <summary>outbound or inbound, from the customer's side.</summary>
    public string? Direction { get; init; }

    public string? Caller { get; init; }

    public string? Callee { get; init; }

    public string? StartedAt { get; init; }

    public string? AnsweredAt { get; init; }

    public string? EndedAt { get; init; }

    /// <summary>answered, no-answer, busy or failed; answered when an answer time is given and this is absent.</summary>
    public string? Disposition { get; init; }

    public int? RecordedSeconds { get; init; }

    public bool Transferred { get; init; }

    public bool Forwarded { get; init; }

    public bool WebCallBack { get; init; }

    /// <summary>Premium Smart Numbers: the tariff in force at answer (0 to 89) and its changes, "60:2,180:89".</summary>
    public int? Tariff { get; init; }

    public string? TariffChanges { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CallRecordInput FromJson(string json) => JsonSerializer.Deserialize<CallRecordInput>(json, Json) ?? new CallRecordInput();

    public static CallRecordInput FromJson(JsonElement json) => json.Deserialize<CallRecordInput>(Json) ?? new CallRecordInput();
}
