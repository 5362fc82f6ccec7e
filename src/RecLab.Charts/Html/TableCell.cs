using System.Globalization;

namespace RecLab.Charts.Html;

/// <summary>One cell of an <see cref="HtmlTable"/>. A string converts implicitly to a plain text cell.</summary>
public sealed record TableCell
{
    /// <summary>The text (escaped when written).</summary>
    public string Text { get; init; } = "";

    /// <summary>Whether the cell is bold, e.g. the best value in a column.</summary>
    public bool Strong { get; init; }

    /// <summary>Whether the cell is right-aligned in tabular figures, as numbers should be.</summary>
    public bool Numeric { get; init; }

    /// <summary>A tooltip shown on hover (e.g. the confidence interval or the test behind a significance mark).</summary>
    public string? Tooltip { get; init; }

    /// <summary>A plain text cell.</summary>
    public static implicit operator TableCell(string text) => new() { Text = text };

    /// <summary>A numeric cell, formatted with the invariant culture; NaN is written as an en dash.</summary>
    /// <param name="value">The number.</param>
    /// <param name="format">A .NET numeric format such as <c>"0.0000"</c> or <c>"N0"</c>.</param>
    public static TableCell Number(double value, string format = "0.0000") => new()
    {
        Text = double.IsNaN(value) ? "\u2013" : value.ToString(format, CultureInfo.InvariantCulture),
        Numeric = true,
    };
}
