using RecLab.Charts.Tests.Support;
using RecLab.Tests.Support;

namespace RecLab.Notebooks.Tests.Support;

/// <summary>The committed notebooks and the data they need.</summary>
public static class Repository
{
    public static string NotebooksFolder => Path.Combine(RepoRoot.Path, "notebooks");

    /// <summary>Every committed notebook, relative to <see cref="NotebooksFolder"/>.</summary>
    public static IEnumerable<string> Notebooks() =>
        Directory.EnumerateFiles(NotebooksFolder, "*.ipynb", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Contains("out"))
            .Select(p => Path.GetRelativePath(NotebooksFolder, p))
            .Order(StringComparer.Ordinal);

    /// <summary>The ml-latest-small folder (or a skipped test), for the notebooks' <c>data</c> parameter.</summary>
    public static string MovieLensSmall() => SharedData.MovieLensSmall();
}
