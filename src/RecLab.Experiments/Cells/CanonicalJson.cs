using System.Collections;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecLab.Experiments.Configuration;
using RecLab.Recommenders;
using RecLab.Splitting;

namespace RecLab.Experiments.Cells;

/// <summary>
/// Canonical JSON of configuration values: records as objects with snake_case keys in ordinal order, enums in
/// kebab-case, defaults written out (of an algorithm inside another's options, only those that differ), no whitespace. Equal definitions give equal text, so its hash is a stable id.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The canonical JSON tree of a schema value (record, list, scalar, options record).</summary>
    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case Enum e:
                return JsonValue.Create(Naming.Kebab(e.ToString()));
            case int or long or ulong or float or double:
                return JsonNode.Parse(JsonSerializer.Serialize(value));
            case ISplitter split:
                return JsonValue.Create(split.Spec);
            case RecommenderSpec spec:
                // The kind and the options that differ from its defaults (kind:key=value;...): the text experiment files
                // wrote for a component before components were typed, so their cell ids stay as they were.
                return JsonValue.Create(spec.ToString());
            case IEnumerable list:
                var array = new JsonArray();
                foreach (var item in list)
                    array.Add(ToNode(item));
                return array;
            default:
                var obj = new JsonObject();
                foreach (var property in OptionsBinder.Settable(value.GetType()).OrderBy(p => YamlNames.Snake(p.Name), StringComparer.Ordinal))
                {
                    var propertyValue = property.GetValue(value);
                    if (propertyValue is null or false or ICollection { Count: 0 } && Attribute.IsDefined(property, typeof(OmittedWhenDefaultAttribute)))
                        continue;
                    obj[YamlNames.Snake(property.Name)] = ToNode(propertyValue);
                }
                return obj;
        }
    }

    /// <summary>Compact text with object keys sorted (ordinal) at every level.</summary>
    public static string Write(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteSorted(writer, node);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteSorted(writer, child);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var child in array)
                    WriteSorted(writer, child);
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>A deep copy with object keys sorted (ordinal) at every level: the tree <see cref="Write"/> would write.</summary>
    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>The canonical text of a schema value.</summary>
    public static string Of(object? value) => Write(ToNode(value));

    /// <summary>Every option of an algorithm, defaults included.</summary>
    public static string Options(RecommenderOptions options) => Of(options);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
