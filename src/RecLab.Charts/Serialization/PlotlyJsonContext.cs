using System.Text.Json.Serialization;

namespace RecLab.Charts.Serialization;

/// <summary>
/// Compile-time serialization metadata: file-based apps (<c>dotnet run app.cs</c>) and AOT builds turn
/// reflection-based System.Text.Json off, and a figure must still serialize there. Runtime options (the plotly
/// naming policy, the NaN converter) are applied on top, in <see cref="PlotlyJson"/>.
/// </summary>
[JsonSerializable(typeof(Figure))]
[JsonSerializable(typeof(Axis))]
[JsonSerializable(typeof(double[]))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(long[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(string))]
internal sealed partial class PlotlyJsonContext : JsonSerializerContext;
