using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecLab.Charts.Serialization;

/// <summary>Writes NaN and infinities as <c>null</c>, which plotly.js draws as a gap; JSON has no NaN.</summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
            writer.WriteNumberValue(value);
        else
            writer.WriteNullValue();
    }
}
