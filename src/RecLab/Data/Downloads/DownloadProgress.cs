namespace RecLab.Data.Downloads;

/// <summary>A progress report from a fetch.</summary>
/// <param name="Dataset">The dataset being fetched.</param>
/// <param name="Phase">What is happening: downloading, verifying, extracting.</param>
/// <param name="Bytes">Bytes received so far.</param>
/// <param name="TotalBytes">Expected size, when the server says.</param>
public readonly record struct DownloadProgress(string Dataset, string Phase, long Bytes, long? TotalBytes);
