namespace Store.Domain.Calls;

/// <summary>One record of a batch as a format reader produced it: the fields, the raw text, or why it could not be read.</summary>
public sealed record ReceivedCall(CallRecordInput Input, string Raw, Problem? Unreadable = null);

/// <summary>What a batch gave: records taken, duplicates ignored, later versions applied, and those put in quarantine.</summary>
public sealed record IngestionResult(int Accepted, int Duplicates, int Replaced, IReadOnlyList<RecordRefusal> Quarantined);

/// <summary>A record of the batch (its position from 0) put in quarantine, and why.</summary>
public sealed record RecordRefusal(int Index, Guid QuarantineId, string? CallId, string Field, string Message, string Code);
