using System.Xml.Linq;

namespace RecLab.Tests.Support;

/// <summary>A skipped test says why in the output of a plain <c>dotnet test</c>.</summary>
public sealed class SkipReasonTests
{
    [Fact]
    public void Every_skip_goes_through_TestSkip_and_the_run_settings_let_its_reason_out()
    {
        var tests = Path.Combine(SharedData.RepoRoot, "tests");
        var direct = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "TestSkip.cs" && Path.GetFileName(f) != nameof(SkipReasonTests) + ".cs")
            .Where(f => File.ReadAllText(f).Contains("Assert.Skip(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SharedData.RepoRoot, f))
            .ToList();
        Assert.True(direct.Count == 0, "Assert.Skip's reason is hidden at dotnet test's default verbosity; call TestSkip.Because in: " + string.Join(", ", direct));

        foreach (var settings in new[] { "fast.runsettings", "slow.runsettings" })
        {
            var xunit = XDocument.Load(Path.Combine(tests, settings)).Root!.Element("xUnit");
            Assert.Equal("true", xunit?.Element("DiagnosticMessages")?.Value);
        }
    }
}
