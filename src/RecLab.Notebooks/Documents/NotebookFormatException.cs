namespace RecLab.Notebooks.Documents;

/// <summary>A file that is not a notebook this runner can read; the message names the file and what is wrong.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotebookFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
