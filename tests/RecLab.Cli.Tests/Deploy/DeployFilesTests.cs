using System.Text.RegularExpressions;
using RecLab.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace RecLab.Cli.Tests.Deploy;

/// <summary>
/// The files under deploy/ parse, and within each the shard count, the shard commands and the merge agree: n shards run
/// <c>--shard i/n</c> for i in 0..n-1 into n folders, and the merge joins exactly those folders. The README shows the
/// Slurm files as they are (the slow <see cref="SlurmRecipeTests"/> submits those files).
/// </summary>
public sealed partial class DeployFilesTests
{
    private static string Deploy(string relative) => Path.Combine(SharedData.RepoRoot, "deploy", relative);

    [Fact]
    public void GitHub_Actions_workflow_runs_one_job_per_shard_and_merges_every_shard_after_them()
    {
        var workflow = Load(Deploy("github-actions/reclab-grid.yml")).Single();
        Assert.True(Mapping(workflow, "on").Children.ContainsKey("workflow_dispatch"), "started by hand from the Actions tab");
        var jobs = Mapping(workflow, "jobs");
        var shard = Mapping(jobs, "shard");
        var matrix = ((YamlSequenceNode)Mapping(Mapping(shard, "strategy"), "matrix")["shard"]).Select(n => int.Parse(Scalar(n))).ToList();
        var count = matrix.Count;
        Assert.Equal(Enumerable.Range(0, count), matrix);
        Assert.True(count > 1, "one shard is not a grid");

        var runs = Steps(shard).Select(s => s.Run).OfType<string>().ToList();
        var run = Assert.Single(runs, r => r.Contains(" run ", StringComparison.Ordinal));
        Assert.Contains($"--shard ${{{{ matrix.shard }}}}/{count} --output shard-${{{{ matrix.shard }}}}", run);
        var upload = Assert.Single(Steps(shard), s => s.Uses?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("shard-${{ matrix.shard }}", Scalar(upload.With!["name"]));
        Assert.Equal("shard-${{ matrix.shard }}", Scalar(upload.With["path"]));

        var merge = Mapping(jobs, "merge");
        Assert.Equal("shard", Scalar(merge["needs"]));
        var download = Assert.Single(Steps(merge), s => s.Uses?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("shard-*", Scalar(download.With!["pattern"]));
        var mergeRun = Assert.Single(Steps(merge).Select(s => s.Run).OfType<string>(), r => r.Contains(" merge ", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"shard-{i}"), MergedFolders(mergeRun));
    }

    [Fact]
    public void Kubernetes_indexed_job_and_merge_job_agree_on_the_shards_and_share_the_results_volume()
    {
        var documents = Load(Deploy("kubernetes/shards.yaml"));
        Assert.Equal(2, documents.Count);
        var claim = documents.Single(d => Scalar(d["kind"]) == "PersistentVolumeClaim");
        Assert.Equal("v1", Scalar(claim["apiVersion"]));
        var claimName = Scalar(Mapping(claim, "metadata")["name"]);
        Assert.Contains("ReadWriteMany", ((YamlSequenceNode)Mapping(claim, "spec")["accessModes"]).Select(Scalar));

        var job = documents.Single(d => Scalar(d["kind"]) == "Job");
        Assert.Equal("batch/v1", Scalar(job["apiVersion"]));
        var spec = Mapping(job, "spec");
        Assert.Equal("Indexed", Scalar(spec["completionMode"]));
        var count = int.Parse(Scalar(spec["completions"]));
        Assert.True(count > 1, "one shard is not a grid");
        Assert.InRange(int.Parse(Scalar(spec["parallelism"])), 1, count);
        var (command, mount) = Container(job, claimName);
        Assert.Equal(["sh", "-c"], command.Take(2));
        Assert.Contains($"--shard $JOB_COMPLETION_INDEX/{count} --output {mount}/shard-$JOB_COMPLETION_INDEX", command[2]);

        var merge = Load(Deploy("kubernetes/merge.yaml")).Single();
        Assert.Equal("Job", Scalar(merge["kind"]));
        var (mergeCommand, mergeMount) = Container(merge, claimName);
        Assert.Equal(["reclab", "merge"], mergeCommand.Take(2));
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"{mergeMount}/shard-{i}"), MergedFolders(string.Join(' ', mergeCommand)));

        // The image both jobs run is the one the Dockerfile next to them builds, with `reclab` on its PATH.
        var dockerfile = File.ReadAllText(Deploy("kubernetes/Dockerfile"));
        Assert.Contains("dotnet publish src/RecLab.Cli", dockerfile);
        Assert.Contains("/usr/local/bin/reclab", dockerfile);
    }

    [Fact]
    public void Slurm_array_is_zero_based_and_the_merge_waits_for_every_task()
    {
        var shards = File.ReadAllText(Deploy("slurm/shards.sbatch"));
        Assert.Matches(@"(?m)^#SBATCH --array=0-\d+$", shards);
        Assert.Contains("--shard \"$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT\" --output \"shards/$SLURM_ARRAY_TASK_ID\"", shards);
        Assert.Contains("reclab merge shards/* --output results/merged", File.ReadAllText(Deploy("slurm/merge.sbatch")));
        var submit = File.ReadAllText(Deploy("slurm/submit.sh"));
        Assert.Contains("--kill-on-invalid-dep=yes --dependency=\"afterok:$shards\"", submit);
    }

    [Theory]
    [InlineData("slurm/shards.sbatch")]
    [InlineData("slurm/merge.sbatch")]
    [InlineData("slurm/submit.sh")]
    public void README_shows_the_Slurm_file_as_it_is(string file)
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "README.md"));
        var blocks = CodeBlock().Matches(readme).Select(m => m.Groups["body"].Value).ToList();
        Assert.Contains(File.ReadAllText(Deploy(file)), blocks);
    }

    [Theory]
    [InlineData("deploy/github-actions/reclab-grid.yml")]
    [InlineData("deploy/kubernetes/shards.yaml")]
    [InlineData("deploy/kubernetes/merge.yaml")]
    public void README_links_the_deploy_file(string file) =>
        Assert.Contains($"]({file})", File.ReadAllText(Path.Combine(SharedData.RepoRoot, "README.md")));

    private static List<YamlMappingNode> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
            stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static IEnumerable<(string? Run, string? Uses, YamlMappingNode? With)> Steps(YamlMappingNode job) =>
        ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>().Select(s => (
            s.Children.TryGetValue("run", out var run) ? Scalar(run) : null,
            s.Children.TryGetValue("uses", out var uses) ? Scalar(uses) : null,
            s.Children.TryGetValue("with", out var with) ? (YamlMappingNode)with : null));

    /// <summary>The container's command and where it mounts <paramref name="claimName"/>.</summary>
    private static (List<string> Command, string Mount) Container(YamlMappingNode job, string claimName)
    {
        var pod = Mapping(Mapping(Mapping(job, "spec"), "template"), "spec");
        Assert.Equal("Never", Scalar(pod["restartPolicy"]));
        var volume = ((YamlSequenceNode)pod["volumes"]).Cast<YamlMappingNode>()
            .Single(v => Scalar(Mapping(v, "persistentVolumeClaim")["claimName"]) == claimName);
        var container = Assert.Single(((YamlSequenceNode)pod["containers"]).Cast<YamlMappingNode>());
        var mount = ((YamlSequenceNode)container["volumeMounts"]).Cast<YamlMappingNode>()
            .Single(m => Scalar(m["name"]) == Scalar(volume["name"]));
        return (((YamlSequenceNode)container["command"]).Select(Scalar).ToList(), Scalar(mount["mountPath"]));
    }

    /// <summary>The folders a <c>reclab merge</c> command line joins (before its --output).</summary>
    private static IEnumerable<string> MergedFolders(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var start = words.IndexOf("merge") + 1;
        var end = words.IndexOf("--output");
        Assert.True(start > 0 && end > start, $"not a merge of folders: {command}");
        return words[start..end];
    }

    [GeneratedRegex(@"^```(?:bash|yaml)\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
