namespace RecLab.Data.Downloads;

/// <summary>A fetch that failed: network, checksum, corrupt archive or unsafe archive. Nothing is left in the cache.</summary>
public sealed class DownloadException : Exception
{
    /// <summary>Creates the error.</summary>
    public DownloadException(string message, Exception? inner = null) : base(message, inner) { }
}
