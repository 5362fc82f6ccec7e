using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecLab.Charts.Serialization;

/// <summary>plotly's <c>boxmean</c> is a boolean or the string <c>"sd"</c>, which no string enum can express.</summary>
internal sealed class BoxMeanConverter : JsonConverter<BoxMean>
{
    public override BoxMean Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? BoxMean.MeanAndStandardDeviation : BoxMean.Mean;

    public override void Write(Utf8JsonWriter writer, BoxMean value, JsonSerializerOptions options)
    {
        if (value == BoxMean.MeanAndStandardDeviation)
            writer.WriteStringValue("sd");
        else
            writer.WriteBooleanValue(true);
    }
}
