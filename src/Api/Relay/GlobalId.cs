using System.Buffers.Text;
using System.Text;

namespace Store.Api.Relay;

/// <summary>Opaque global IDs ("Customer:guid", base64url-encoded): clients keep them, never take them apart.</summary>
public static class GlobalId
{
    public static string Encode(string typeName, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{id:N}"));

    /// <summary>The type name and id inside a global ID, or null when it is not one of ours.</summary>
    public static (string TypeName, Guid Id)? Decode(string? globalId)
    {
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 200)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && Guid.TryParseExact(text[(colon + 1)..], "N", out var id) ? (text[..colon], id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
