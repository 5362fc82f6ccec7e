namespace RecLab.Notebooks.Execution;

/// <summary>
/// A notebook that cannot be run as asked (a parameter it does not declare, a value of the wrong type, a cell that
/// needs something this runner refuses); the message names the notebook and says what to change.
/// </summary>
public sealed class NotebookException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotebookException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
