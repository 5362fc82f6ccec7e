using System.Text;

namespace RecLab.Tests.Support;

/// <summary>A fresh folder under the system temp path, deleted on dispose; fixtures are written into it by the tests.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reclab-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path inside the folder (not created).</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes UTF-8 text without a byte-order mark and returns the file's path.</summary>
    public string Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes text as Latin-1 (ISO-8859-1), as MovieLens 100K and 1M are encoded.</summary>
    public string WriteLatin1(string relative, string text) => WriteBytes(relative, Encoding.Latin1.GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Every file below the folder, relative, sorted (to assert that nothing was left behind).</summary>
    public string[] Files(string? relative = null)
    {
        var root = relative is null ? Path : this[relative];
        if (!Directory.Exists(root))
            return [];
        return Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => System.IO.Path.GetRelativePath(root, p)).Order(StringComparer.Ordinal).ToArray();
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
