namespace RecLab.Data.Downloads;

/// <summary>The outcome of a fetch.</summary>
/// <param name="Dataset">Its name.</param>
/// <param name="Folder">Where its files are.</param>
/// <param name="AlreadyPresent">True when nothing was downloaded because the cache had it.</param>
/// <param name="Md5">MD5 of the zip (hex), when downloaded.</param>
/// <param name="Sha256">SHA-256 of the zip (hex), when downloaded.</param>
/// <param name="ChecksumVerified">True when the MD5 matched the one GroupLens publishes.</param>
/// <param name="Bytes">Size of the zip.</param>
public sealed record FetchResult(string Dataset, string Folder, bool AlreadyPresent, string? Md5, string? Sha256, bool ChecksumVerified, long Bytes);
