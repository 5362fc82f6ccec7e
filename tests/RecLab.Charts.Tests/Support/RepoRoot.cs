namespace RecLab.Charts.Tests.Support;

/// <summary>The repository root: the folder holding Lab.sln above the test binaries.</summary>
public static class RepoRoot
{
    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Lab.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Cannot find Lab.sln above " + AppContext.BaseDirectory);
        }
    }
}
