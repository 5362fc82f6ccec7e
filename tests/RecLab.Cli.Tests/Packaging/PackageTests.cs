using System.IO.Compression;
using System.Xml.Linq;
using RecLab.Tests.Support;

namespace RecLab.Cli.Tests.Packaging;

/// <summary>
/// What <c>dotnet pack -c Release -o artifacts</c> (a step of .ci/run) leaves in <c>artifacts/</c>: the five libraries and the
/// <c>reclab</c> tool, each with the metadata nuget.org shows and a symbol package; and the tool installs from that folder and runs.
/// </summary>
public sealed class PackageTests
{
    private static readonly string[] Libraries = ["RecLab.Core", "RecLab.Simulation", "RecLab.Charts", "RecLab.Experiments", "RecLab.Notebooks"];

    private static string Artifacts()
    {
        var folder = Path.Combine(SharedData.RepoRoot, "artifacts");
        if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "reclab.*.nupkg").Any())
            return folder;
        const string how = "run `dotnet pack -c Release -o artifacts` in the repository root first";
        // CI packs before the tests: a missing package there is a failure, not a reason to skip.
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Assert.Fail($"no packages in {folder}: {how}.");
        TestSkip.Because($"no packages in {folder}: {how}.");
        return folder;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Pack_makes_the_five_libraries_and_the_tool_each_with_licence_readme_description_repository_and_symbols()
    {
        var folder = Artifacts();
        var version = typeof(ReclabApp).Assembly.GetName().Version!.ToString(3);
        foreach (var id in Libraries.Append("reclab"))
        {
            // RecLab.Notebooks is a preview while the .NET Interactive kernel it depends on is a beta.
            var package = Path.Combine(folder, $"{id}.{version}{(id == "RecLab.Notebooks" ? "-preview" : "")}.nupkg");
            Assert.True(File.Exists(package), $"{package} is missing");
            using var zip = ZipFile.OpenRead(package);
            var nuspec = Nuspec(zip, id);
            Assert.Equal("MIT", Element(nuspec, "license"));
            Assert.Equal("README.md", Element(nuspec, "readme"));
            var readme = zip.GetEntry("README.md");
            Assert.NotNull(readme);
            using (var reader = new StreamReader(readme.Open()))
                Assert.StartsWith("# " + id, reader.ReadLine(), StringComparison.Ordinal);
            var description = Element(nuspec, "description");
            Assert.NotEqual("Package Description", description);
            Assert.True(description.Length > 60, $"{id}: description too short: {description}");
            var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
            Assert.Equal("git", (string?)repository.Attribute("type"));
            Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? "");

            var symbols = Path.ChangeExtension(package, ".snupkg");
            Assert.True(File.Exists(symbols), $"{symbols} is missing");
            using var symbolZip = ZipFile.OpenRead(symbols);
            Assert.Contains(symbolZip.Entries, e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal));
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_tool_installs_from_the_local_feed_and_runs()
    {
        var folder = Artifacts();
        using var temp = new TempFolder();
        // A private package cache: the global one may hold an older build of the same version, which NuGet would install instead.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = temp["packages"] };
        var install = await ProcessRun.Run("dotnet", ["tool", "install", "reclab", "--add-source", folder, "--tool-path", temp["tools"], "--ignore-failed-sources"],
            temp.Path, environment);
        Assert.True(install.Code == 0, $"dotnet tool install exited {install.Code}:\n{install.Output}");

        var reclab = Path.Combine(temp["tools"], "reclab");
        var version = await ProcessRun.Run(reclab, ["--version"], temp.Path, environment);
        Assert.Equal(0, version.Code);
        var expected = typeof(ReclabApp).Assembly.GetName().Version!.ToString(3);
        Assert.StartsWith(expected, version.Output.Trim(), StringComparison.Ordinal);

        // Past --version: the libraries inside the tool package load and work.
        var synth = await ProcessRun.Run(reclab, ["data", "synth", "--preset", "tiny", "--out", "world/"], temp.Path, environment);
        Assert.True(synth.Code == 0, $"reclab data synth exited {synth.Code}:\n{synth.Output}");
        Assert.True(File.Exists(Path.Combine(temp.Path, "world", "interactions.csv")), synth.Output);
    }

    private static XElement Nuspec(ZipArchive zip, string id)
    {
        var entry = zip.GetEntry(id + ".nuspec") ?? throw new InvalidOperationException($"{id}: no nuspec");
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!;
    }

    private static string Element(XElement nuspec, string name) =>
        nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
}
