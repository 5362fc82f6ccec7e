using RecLab.Data.Downloads;

namespace RecLab.Tests.Support;

/// <summary>
/// Locates the shared MovieLens sample (never copied into the repo): <c>RECLAB_SHARED_DATA</c>, else
/// <c>../shared/data</c> beside the repository root. Tests that need it skip with a clear message when it is absent.
/// </summary>
public static class SharedData
{
    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("RECLAB_SHARED_DATA");
            if (!string.IsNullOrWhiteSpace(env))
                return env;
            return Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
        }
    }

    /// <summary>The repository root (the folder holding Lab.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lab.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Cannot find Lab.sln above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The ml-latest-small folder, or a skipped test when it is absent.</summary>
    public static string MovieLensSmall()
    {
        var path = Path.Combine(Root, "ml-latest-small");
        if (!File.Exists(Path.Combine(path, "ratings.csv")))
            TestSkip.Because($"MovieLens latest-small not found at {path}; set RECLAB_SHARED_DATA to the folder holding ml-latest-small/ to run this test.");
        return path;
    }

    private static readonly Lazy<string?> SeededCacheRoot = new(SeedCache, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// A dataset cache holding ml-latest-small, imported once per test process from the shared folder into a temp
    /// folder, so tests name the dataset as users do (<c>source: ml-latest-small</c>) and never by a sibling path.
    /// Pass it as <c>--cache</c>, <c>new DataCache(root)</c>, or <c>RECLAB_DATA</c> of a child process; skipped when absent.
    /// </summary>
    public static string CacheRoot()
    {
        MovieLensSmall();
        return SeededCacheRoot.Value ?? throw new InvalidOperationException("the shared data vanished while the tests ran");
    }

    /// <summary><see cref="CacheRoot"/> as a cache.</summary>
    public static DataCache Cache() => new(CacheRoot());

    private static string? SeedCache()
    {
        var source = Path.Combine(Root, "ml-latest-small");
        if (!File.Exists(Path.Combine(source, "ratings.csv")))
            return null;
        var root = Path.Combine(Path.GetTempPath(), $"reclab-test-cache-{Environment.ProcessId}");
        new DatasetImporter(new DataCache(root)).Import("ml-latest-small", source, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return root;
    }
}
