using System.Text.Json.Serialization;
using RecLab.Charts.Serialization;

namespace RecLab.Charts;

/// <summary>
/// A plotly.js data array (<c>x</c>, <c>y</c>, box values...): numbers or category labels. Arrays convert implicitly,
/// so <c>X = new[] { "ALS", "BPR" }, Y = new[] { 0.31, 0.28 }</c> just works. NaN is written as <c>null</c> (a gap).
/// </summary>
[JsonConverter(typeof(DataArrayConverter))]
public sealed class DataArray
{
    private DataArray(Array values) => Values = values;

    /// <summary>The underlying array: <c>double[]</c>, <c>int[]</c>, <c>long[]</c> or <c>string[]</c>.</summary>
    public Array Values { get; }

    /// <summary>The number of values.</summary>
    public int Count => Values.Length;

    /// <summary>Numbers (a copy).</summary>
    public static DataArray Of(IEnumerable<double> values) => new(values.ToArray());

    /// <summary>Integers (a copy).</summary>
    public static DataArray Of(IEnumerable<int> values) => new(values.ToArray());

    /// <summary>Category labels (a copy).</summary>
    public static DataArray Of(IEnumerable<string> values) => new(values.ToArray());

    /// <summary>Wraps numbers without copying.</summary>
    public static implicit operator DataArray(double[] values) => new(values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>Wraps integers without copying.</summary>
    public static implicit operator DataArray(int[] values) => new(values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>Wraps long integers without copying.</summary>
    public static implicit operator DataArray(long[] values) => new(values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>Wraps category labels without copying.</summary>
    public static implicit operator DataArray(string[] values) => new(values ?? throw new ArgumentNullException(nameof(values)));
}
