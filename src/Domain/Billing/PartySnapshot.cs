using System.Text.Json;
using System.Text.Json.Serialization;

namespace Store.Domain.Billing;

/// <summary>The seller's and the buyer's legal details as frozen on a document, stored as JSON word for word.</summary>
internal static class PartySnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)
        ?? throw new InvalidOperationException("A frozen legal snapshot is empty.");
}
