namespace RecLab.Notebooks.Rendering;

/// <summary>Static chart images cannot be drawn: no browser or no local plotly.js (the message says what to install), or the browser failed.</summary>
public sealed class ChartImageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChartImageException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
