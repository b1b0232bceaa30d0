using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Store.Domain.Catalog;

/// <summary>Reads and checks a catalog version written as JSON (see Catalog/Versions).</summary>
public static class CatalogFile
{
    public static readonly JsonSerializerOptions Json = CreateOptions();

    /// <summary>Parses and validates one catalog file; throws <see cref="CatalogException"/> naming the entry at fault.</summary>
    public static CatalogVersion Parse(string fileName, string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw Problem(fileName, "(file)", $"not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}");
        }

        if (root is not JsonObject obj)
        {
            throw Problem(fileName, "(file)", "the file must hold one JSON object");
        }

        obj.Remove("$comment");

        CatalogVersion? version;
        try
        {
            version = obj.Deserialize<CatalogVersion>(Json);
        }
        catch (JsonException e)
        {
            throw Problem(fileName, EntryName(obj, e.Path), Explain(e));
        }

        if (version is null)
        {
            throw Problem(fileName, "(file)", "the file is empty");
        }

        var problems = CatalogValidator.Validate(version);
        return problems.Count == 0 ? version : throw new CatalogException(fileName, problems);
    }

    public static string Serialize(CatalogVersion version) => JsonSerializer.Serialize(version, Json);

    private static CatalogException Problem(string file, string entry, string message) =>
        new(file, [new CatalogProblem(entry, message)]);

    private static string Explain(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Turns "$.plans[1].prices[0].amount" into "plans[1] (forfait-pro).prices[0].amount".</summary>
    internal static string EntryName(JsonNode root, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "(file)";
        }

        var parts = new List<string>();
        JsonNode? node = root;
        foreach (var segment in path.TrimStart('$', '.').Split('.'))
        {
            var name = segment;
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            node = bracket >= 0 ? node?[segment[..bracket]] : node?[segment];
            if (bracket >= 0 && int.TryParse(segment[(bracket + 1)..^1], out var index) && node is JsonArray array && index < array.Count)
            {
                node = array[index];
                if (node is JsonObject item && item["code"] is JsonValue code)
                {
                    name = $"{segment} ({code})";
                }
            }

            parts.Add(name);
        }

        return string.Join('.', parts);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
