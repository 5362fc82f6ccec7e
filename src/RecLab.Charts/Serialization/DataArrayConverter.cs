using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecLab.Charts.Serialization;

/// <summary>Writes a <see cref="DataArray"/> as the JSON array it wraps.</summary>
internal sealed class DataArrayConverter : JsonConverter<DataArray>
{
    public override DataArray Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("RecLab.Charts writes plotly.js JSON; it does not read it back.");

    public override void Write(Utf8JsonWriter writer, DataArray value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Values, value.Values.GetType(), options);
}
