using System.Text.Json.Nodes;
using RecLab.Charts.Html;
using RecLab.Charts.Tests.Support;

namespace RecLab.Charts.Tests.Html;

public sealed class PlotlyScriptTests
{
    [Fact]
    public void Environment_variable_wins_over_a_local_package()
    {
        using var temp = new TempFolder();
        var env = HtmlDom.FakePlotly(Path.Combine(temp.Path, "custom"));
        var start = MakePackage(temp.Path);

        var script = PlotlyScript.Locate(env, [start]);

        Assert.Equal(Path.GetFullPath(env), script.FilePath);
        Assert.True(script.IsInline);
    }

    [Fact]
    public void Environment_variable_naming_no_file_is_an_error_not_a_silent_fallback()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "plotly.min.js");

        var error = Assert.Throws<FileNotFoundException>(() => PlotlyScript.Locate(missing, []));

        Assert.Contains(PlotlyScript.EnvironmentVariable, error.Message);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Package_is_found_by_walking_up_from_a_start_folder()
    {
        using var temp = new TempFolder();
        var start = MakePackage(temp.Path);

        var script = PlotlyScript.Locate(null, [Path.Combine(temp.Path, "does-not-exist-yet"), start]);

        Assert.Equal(Path.Combine(temp.Path, PlotlyScript.PackageFile), script.FilePath);
    }

    [Fact]
    public void Without_any_local_copy_the_cdn_of_the_pinned_version_is_used()
    {
        using var temp = new TempFolder();

        var script = PlotlyScript.Locate("", [temp.Path]);

        Assert.Same(PlotlyScript.Cdn, script);
        Assert.False(script.IsInline);
        Assert.Equal("https://cdn.plot.ly/plotly-" + PlotlyScript.Version + ".min.js", script.ToString());
    }

    [Fact]
    public void Pinned_version_matches_web_package_json_and_lock()
    {
        var web = Path.Combine(RepoRoot.Path, "web");
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(web, "package.json")))!;
        var lockFile = JsonNode.Parse(File.ReadAllText(Path.Combine(web, "package-lock.json")))!;

        // An exact pin ("4.1.2", not "^4.1.2"), so the CDN fallback serves the same code as the local copy.
        Assert.Equal(PlotlyScript.Version, (string?)package["dependencies"]!["plotly.js-dist-min"]);
        Assert.Equal(PlotlyScript.Version, (string?)lockFile["packages"]!["node_modules/plotly.js-dist-min"]!["version"]);
    }

    [Fact]
    public void From_file_requires_an_existing_file()
    {
        Assert.Throws<FileNotFoundException>(() => PlotlyScript.FromFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".js")));
    }

    /// <summary>Creates web/node_modules/.../plotly.min.js under root and returns a folder three levels below root.</summary>
    private static string MakePackage(string root)
    {
        var file = Path.Combine(root, PlotlyScript.PackageFile);
        HtmlDom.FakePlotly(Path.GetDirectoryName(file)!);
        var start = Path.Combine(root, "a", "b", "c");
        Directory.CreateDirectory(start);
        return start;
    }
}
